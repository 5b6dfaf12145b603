using Cluster.Runtime;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;
using Xunit;

namespace Cluster.Tests.Clustering;

public sealed class HandOverTests
{
    [Fact]
    public async Task A_new_silo_takes_over_only_its_ring_segment_and_no_state_is_lost()
    {
        // No idle collection: every grain must still be active when the test counts activations.
        await using var cluster = await TestCluster.StartAsync(o =>
        {
            o.Silos = 2;
            o.ConfigureSilo = s => s.CollectionInterval = TimeSpan.FromHours(1);
        });
        var keys = Enumerable.Range(0, 200).Select(i => $"n{i}").ToList();
        var before = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            // Changed in memory only: a moving grain's state is written as it deactivates.
            await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetUnsavedAsync("value of " + key);
            before[key] = await cluster.GrainFactory.GetGrain<IWhereGrain>(key).SiloAsync();
        }

        var added = await cluster.StartSiloAsync();
        await WaitForHandOver(cluster);

        var after = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            after[key] = await cluster.GrainFactory.GetGrain<IWhereGrain>(key).SiloAsync();
            Assert.Equal("value of " + key, (await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).GetAsync()).Text);
        }
        var moved = keys.Where(k => before[k] != after[k]).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, k => Assert.Equal(added.Options.SiloId, after[k]));
        foreach (var key in keys)
            Assert.Single(cluster.Silos, s => s.HasActivation(new GrainId("StatefulGrain", key)));
    }

    [Fact]
    public async Task A_silo_that_stops_gracefully_hands_its_grains_over_with_their_state()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 3);
        var keys = Enumerable.Range(0, 100).Select(i => $"s{i}").ToList();
        foreach (var key in keys)
            await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetUnsavedAsync("kept through hand-over " + key);
        var leaving = cluster.Silos[2];

        await cluster.StopSiloAsync(leaving);

        foreach (var key in keys)
        {
            Assert.Equal("kept through hand-over " + key, (await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).GetAsync()).Text);
            Assert.NotEqual(leaving.Options.SiloId, await cluster.GrainFactory.GetGrain<IWhereGrain>(key).SiloAsync());
        }
    }

    [Fact]
    public async Task A_grain_called_at_its_new_home_while_its_old_home_still_deactivates_it_starts_from_the_state_handed_over()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var keys = Enumerable.Range(0, 60).Select(i => $"j{i}").ToList();
        foreach (var key in keys)
            await cluster.GrainFactory.GetGrain<ISlowToLeaveGrain>(key).SetUnsavedAsync("in memory at the old home " + key);

        // The old homes take half a second to let each moved grain go; the new silo is called at once.
        var added = await cluster.StartSiloAsync();
        var texts = await Task.WhenAll(keys.Select(k => added.GrainFactory.GetGrain<ISlowToLeaveGrain>(k).GetAsync()));

        Assert.Equal(keys.Select(k => "in memory at the old home " + k), texts);
        var homes = await Task.WhenAll(keys.Select(k => added.GrainFactory.GetGrain<ISlowToLeaveGrain>(k).SiloAsync()));
        Assert.Contains(added.Options.SiloId, homes);
        foreach (var key in keys)
            Assert.Single(cluster.Silos, s => s.HasActivation(new GrainId("SlowToLeaveGrain", key)));
    }

    [Fact]
    public async Task Grains_called_while_their_silo_is_still_stopping_start_from_the_state_it_hands_over()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 3);
        var keys = Enumerable.Range(0, 60).Select(i => $"k{i}").ToList();
        foreach (var key in keys)
            await cluster.GrainFactory.GetGrain<ISlowToLeaveGrain>(key).SetUnsavedAsync("in memory before the stop " + key);
        var leaving = cluster.Silos[2];
        var staying = cluster.Silos[0];

        var stopping = cluster.StopSiloAsync(leaving);
        var texts = await Task.WhenAll(keys.Select(k => staying.GrainFactory.GetGrain<ISlowToLeaveGrain>(k).GetAsync()));
        await stopping;

        Assert.Equal(keys.Select(k => "in memory before the stop " + k), texts);
        foreach (var key in keys)
            Assert.NotEqual(leaving.Options.SiloId, await staying.GrainFactory.GetGrain<ISlowToLeaveGrain>(key).SiloAsync());
    }

    [Fact]
    public async Task A_silo_declared_dead_stops_serving_and_its_grains_reactivate_elsewhere()
    {
        // No idle collection: it would write the unacknowledged changes while the silo is still alive.
        await using var cluster = await TestCluster.StartAsync(o =>
        {
            o.Silos = 3;
            o.ConfigureSilo = s => s.CollectionInterval = TimeSpan.FromHours(1);
        });
        var victim = cluster.Silos[1];
        var keys = Enumerable.Range(0, 60).Select(i => $"d{i}").ToList();
        foreach (var key in keys)
        {
            await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetAsync("acknowledged " + key);
            // A silo declared dead must not write: another silo may already own the grain.
            if (victim.HasActivation(new GrainId("StatefulGrain", key)))
                await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetUnsavedAsync("never acknowledged " + key);
        }

        cluster.Membership.DeclareDead(victim.Options.SiloId);
        await StateTestsWait(() => victim.Status == Cluster.Runtime.Membership.SiloStatus.Dead);

        Assert.Equal(0, victim.ActivationCount);
        foreach (var key in keys)
        {
            Assert.Equal("acknowledged " + key, (await cluster.Silos[0].GrainFactory.GetGrain<IStatefulGrain>(key).GetAsync()).Text);
            Assert.NotEqual(victim.Options.SiloId, await cluster.Silos[0].GrainFactory.GetGrain<IWhereGrain>(key).SiloAsync());
        }
        await Assert.ThrowsAsync<SiloUnavailableException>(() => victim.GrainFactory.GetGrain<IWhereGrain>("x").SiloAsync());
    }

    private static Task StateTestsWait(Func<bool> condition) => Runtime.StateTests.WaitUntil(condition, TimeSpan.FromSeconds(10));

    /// <summary>
    /// Hand-over is asynchronous: wait until every silo follows the latest view and no grain is active (or still
    /// deactivating) on a silo that is not its home.
    /// </summary>
    private static Task WaitForHandOver(TestCluster cluster) => Runtime.StateTests.WaitUntil(
        () => cluster.Silos.All(s => s.ViewVersion == cluster.Membership.Current.Version && s.ActivationsAwayFromHome == 0 && s.PendingCalls == 0),
        TimeSpan.FromSeconds(10));
}
