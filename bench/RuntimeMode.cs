using System.Diagnostics;
using System.Globalization;
using Cluster.Bench.Grains;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.GrainInterfaces.Cluster;
using Orleans;

namespace Cluster.Bench;

/// <summary>
/// One silo configured as the product configures its embedded silo, called from the silo's own grain factory (as the
/// gateway calls its embedded silo). Rounds alternate two workloads over 1,000 grains each, with the same callers:
/// an empty grain (<see cref="PingGrain"/>, the ceiling of what a grain call can do here) and cached snapshot reads
/// of 1,000 typical actors (<see cref="IActorGrain.GetSnapshotAsync"/> with the real actor-core services). Reports
/// each workload's median round (rate, latency, CPU time per call), the median of the per-pair ratios, then how fast
/// new activations are created.
/// Arguments: [seconds=2] [callers=256] [rounds=5].
/// </summary>
internal static class RuntimeMode
{
    private const int Grains = 1_000;
    private const int Activations = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"runtime: server GC {System.Runtime.GCSettings.IsServerGC}, {callers} callers, {rounds} rounds of {seconds} s per workload");

        await using var cluster = await BenchCluster.StartAsync([[]]);
        var factory = cluster.Silos[0].GrainFactory;
        var pings = new IPingGrain[Grains];
        for (var i = 0; i < Grains; i++)
            pings[i] = factory.GetGrain<IPingGrain>(i);
        var actors = await ActorCoreMode.StoreActorsAsync(factory, Grains, Console.Out);
        Func<int, Task> ping = i => pings[i].PingAsync(i);
        Func<int, Task> read = i => actors[i].GetSnapshotAsync();

        await CallLoad.RunAsync(Grains, ping, callers, TimeSpan.FromSeconds(1), new LatencyHistogram());
        await CallLoad.RunAsync(Grains, read, callers, TimeSpan.FromSeconds(1), new LatencyHistogram());
        var empty = new RoundFigures();
        var snapshot = new RoundFigures();
        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var emptyRate = await empty.MeasureAsync(Grains, ping, callers, duration);
            var snapshotRate = await snapshot.MeasureAsync(Grains, read, callers, duration);
            ratios.Add(snapshotRate / emptyRate);
            Console.WriteLine($"round {round}: empty grain {empty.Describe()}; snapshot reads {snapshot.Describe()}; ratio {ratios[^1]:F2}");
        }

        var activationRate = await ActivationsAsync(factory);
        Console.WriteLine($"activations: {activationRate:F0}/s");
        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "runtime",
            ["cores"] = Environment.ProcessorCount,
            ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
            ["grains"] = Grains,
            ["callers"] = callers,
            ["empty_grain_calls_per_sec"] = Math.Round(BenchResult.Median(empty.Rates)),
            ["empty_grain_p50_us"] = Math.Round(BenchResult.Median(empty.P50s), 1),
            ["empty_grain_p99_us"] = Math.Round(BenchResult.Median(empty.P99s), 1),
            ["empty_grain_cpu_us_per_call"] = Math.Round(BenchResult.Median(empty.CpuMicrosPerCall), 2),
            ["snapshot_reads_per_sec"] = Math.Round(BenchResult.Median(snapshot.Rates)),
            ["snapshot_p50_us"] = Math.Round(BenchResult.Median(snapshot.P50s), 1),
            ["snapshot_p99_us"] = Math.Round(BenchResult.Median(snapshot.P99s), 1),
            ["snapshot_cpu_us_per_call"] = Math.Round(BenchResult.Median(snapshot.CpuMicrosPerCall), 2),
            ["snapshot_ratio"] = Math.Round(BenchResult.Median(ratios), 3),
            ["activations_per_sec"] = Math.Round(activationRate),
        });
    }

    /// <summary>New <see cref="PingGrain"/> activations, created by first calls in batches of 1,000.</summary>
    private static async Task<double> ActivationsAsync(IGrainFactory factory)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = new Task[1_000];
        for (var i = 0; i < Activations; i += batch.Length)
        {
            for (var j = 0; j < batch.Length; j++)
                batch[j] = factory.GetGrain<IPingGrain>(1_000_000 + i + j).PingAsync(j);
            await Task.WhenAll(batch);
        }
        return Activations / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
