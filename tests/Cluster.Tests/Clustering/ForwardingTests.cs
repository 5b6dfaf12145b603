using Cluster.Runtime.Hosting;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;
using Xunit;

namespace Cluster.Tests.Clustering;

public sealed class ForwardingTests
{
    [Fact]
    public async Task A_call_sent_to_a_silo_that_is_not_the_grains_home_is_forwarded_there()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var first = cluster.Silos[0];
        var second = cluster.Silos[1];
        // A client whose view is outdated: it knows only the first silo, so it sends every call there.
        await using var stale = new InProcessMembership();
        var known = cluster.Membership.Silos.Single(s => s.SiloId == first.Options.SiloId);
        await stale.JoinAsync(known, () => 0, default);
        await using var client = new ClusterClient(new ClusterClientOptions { ClusterId = first.Options.ClusterId, SharedSecret = first.Options.SharedSecret }, stale);
        await client.StartAsync();

        var forwarded = 0;
        for (var i = 0; i < 40; i++)
        {
            var home = await second.GrainFactory.GetGrain<IWhereGrain>($"f{i}").SiloAsync();
            Assert.Equal(home, await client.GrainFactory.GetGrain<IWhereGrain>($"f{i}").SiloAsync());
            if (home == second.Options.SiloId)
                forwarded++;
        }
        Assert.True(forwarded > 0, "no grain of the sample lives on the second silo");
    }
}
