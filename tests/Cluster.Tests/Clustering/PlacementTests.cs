using Cluster.Runtime;
using Cluster.Runtime.Testing;
using Cluster.Tests.Runtime.Grains;
using Xunit;

namespace Cluster.Tests.Clustering;

public sealed class PlacementTests
{
    [Fact]
    public async Task Grains_spread_over_the_silos_and_each_lives_on_exactly_one()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 3);
        var homes = new Dictionary<string, string>();
        for (var i = 0; i < 300; i++)
            homes[$"g{i}"] = await cluster.Silos[i % 3].GrainFactory.GetGrain<IWhereGrain>($"g{i}").SiloAsync();

        Assert.Equal(3, homes.Values.Distinct().Count());
        foreach (var (key, home) in homes)
        {
            var id = new GrainId("WhereGrain", key);
            Assert.Equal([home], cluster.Silos.Where(s => s.HasActivation(id)).Select(s => s.Options.SiloId));
            // Asked from another silo, the grain answers from the same home.
            Assert.Equal(home, await cluster.Silos[(key.Length + 1) % 3].GrainFactory.GetGrain<IWhereGrain>(key).SiloAsync());
        }
    }

    [Fact]
    public async Task Concurrent_callers_on_different_silos_share_one_activation()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 3);
        var results = await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(i => cluster.Silos[i % 3].GrainFactory.GetGrain<ICounterGrain>("shared").IncrementAsync()));

        Assert.Single(results.Select(r => r.Activation).Distinct());
        Assert.Equal(Enumerable.Range(1, 300), results.Select(r => r.Count).Order());
    }

    [Fact]
    public async Task A_grain_that_requires_a_role_is_placed_only_on_silos_with_it()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var gpu = await cluster.StartSiloAsync(s => s.Roles = ["gpu"]);

        for (var i = 0; i < 20; i++)
            Assert.Equal(gpu.Options.SiloId, await cluster.Silos[i % 3].GrainFactory.GetGrain<IGpuGrain>($"v{i}").SiloAsync());
    }

    [Fact]
    public async Task Calling_a_role_bound_grain_without_such_a_silo_fails_with_a_clear_error()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);

        var e = await Assert.ThrowsAsync<NoCompatibleSiloException>(() => cluster.GrainFactory.GetGrain<IGpuGrain>("v").SiloAsync());
        Assert.Contains("'gpu'", e.Message);
    }

    [Fact]
    public async Task Exceptions_keep_their_type_and_message_across_silos()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var key = Enumerable.Range(0, 100).Select(i => $"t{i}").First(k =>
            cluster.Silos[1].GrainFactory.GetGrain<IWhereGrain>(k).SiloAsync().Result == cluster.Silos[1].Options.SiloId);

        var e = await Assert.ThrowsAsync<FaultyOperationException>(() => cluster.Silos[0].GrainFactory.GetGrain<ICallerGrain>(key).ThrowAsync("remote failure"));
        Assert.Equal("remote failure", e.Message);
    }

    [Fact]
    public async Task An_argument_that_cannot_be_serialized_fails_the_call_with_a_clear_error()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var client = await cluster.CreateClientAsync();

        var remote = await Assert.ThrowsAsync<GrainSerializationException>(() => client.GrainFactory.GetGrain<ISerializationProbeGrain>("p").InvokeAsync(() => 1));
        var local = await Assert.ThrowsAsync<GrainSerializationException>(() => cluster.GrainFactory.GetGrain<ISerializationProbeGrain>("p").InvokeAsync(() => 1));

        Assert.Contains("Func", remote.Message);
        Assert.Contains("Func", local.Message);
    }

    [Fact]
    public async Task An_exception_that_cannot_be_rebuilt_arrives_as_its_nearest_base_type()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var client = await cluster.CreateClientAsync();

        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => client.GrainFactory.GetGrain<ICallerGrain>("m").ThrowMissingAsync("dragon"));

        Assert.Equal("There is no dragon.", e.Message);
    }

    [Fact]
    public async Task A_client_sends_calls_to_the_grains_home_and_spreads_stateless_workers()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 3);
        var client = await cluster.CreateClientAsync();

        for (var i = 0; i < 30; i++)
        {
            var viaClient = await client.GrainFactory.GetGrain<IWhereGrain>($"c{i}").SiloAsync();
            Assert.Equal(viaClient, await cluster.Silos[i % 3].GrainFactory.GetGrain<IWhereGrain>($"c{i}").SiloAsync());
        }
        var workerSilos = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GrainFactory.GetGrain<IWhereWorkerGrain>(0).SiloAsync()));
        Assert.Equal(3, workerSilos.Distinct().Count());
    }
}
