using Cluster.GrainInterfaces;
using Cluster.Tests.Hosting;
using Xunit;

namespace Cluster.Tests.Placement;

public sealed class PlacementTests
{
    [Fact]
    public async Task Gpu_grains_activate_only_on_the_silo_with_the_gpu_role()
    {
        await using var cluster = await TestClusters.StartAsync(silos: 3,
            settings: new Dictionary<string, string?> { [TestClusters.GpuSilosSetting] = "Secondary_1" });

        await RolesKnownAsync(cluster);

        var silos = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => cluster.GrainFactory.GetGrain<IGpuProbeGrain>(i).SiloAsync()));

        Assert.All(silos, s => Assert.Equal("Secondary_1", s));
    }

    [Fact]
    public async Task With_no_gpu_silo_a_gpu_grain_call_fails_fast_with_a_clear_error()
    {
        await using var cluster = await TestClusters.StartAsync(silos: 2);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NoCompatibleSiloException>(() => cluster.GrainFactory.GetGrain<IGpuProbeGrain>(1).SiloAsync());

        Assert.Contains("'gpu'", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"the call took {started.Elapsed.TotalSeconds:F1} s to fail");
    }

    [Fact]
    public async Task Grains_without_a_role_spread_over_every_silo_the_gpu_silo_included()
    {
        await using var cluster = await TestClusters.StartAsync(silos: 3,
            settings: new Dictionary<string, string?> { [TestClusters.GpuSilosSetting] = "Secondary_1" });

        var silos = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => cluster.GrainFactory.GetGrain<ISiloProbeGrain>(i).SiloAsync()));

        Assert.Equal(["Primary", "Secondary_1", "Secondary_2"], silos.Distinct().Order());
    }

    /// <summary>A silo's metadata reaches the other silos a moment after it joins; until then its roles are unknown there.</summary>
    private static async Task RolesKnownAsync(Orleans.TestingHost.TestCluster cluster)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await cluster.GrainFactory.GetGrain<IGpuProbeGrain>(-1).SiloAsync();
                return;
            }
            catch (NoCompatibleSiloException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task A_stateless_worker_adds_activations_on_one_silo_while_calls_overlap_up_to_its_limit()
    {
        await using var cluster = await TestClusters.StartAsync();
        var worker = cluster.GrainFactory.GetGrain<IWorkerProbeGrain>(0);

        var served = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => worker.HoldAsync(TimeSpan.FromMilliseconds(500))));

        var activations = served.Distinct().Count();
        Assert.InRange(activations, 2, 4);
    }
}
