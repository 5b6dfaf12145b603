using System.Diagnostics;
using Cluster.Runtime;
using Cluster.Runtime.Telemetry;
using Cluster.Runtime.Testing;

namespace Cluster.Bench;

/// <summary>
/// Saturates one silo with calls to 1,000 grains from many concurrent callers, in several rounds, and reports the
/// median round's throughput with latency percentiles; then measures how fast new activations are created.
/// </summary>
internal static class RuntimeMode
{
    private const int Grains = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
        await using var cluster = await TestCluster.StartAsync();
        var grains = new IPingGrain[Grains];
        for (var i = 0; i < Grains; i++)
            grains[i] = cluster.GrainFactory.GetGrain<IPingGrain>(i);

        await CallLoad.RunAsync(grains, concurrency, TimeSpan.FromSeconds(1), new LatencyHistogram());
        var rates = new List<double>();
        var p50s = new List<double>();
        var p99s = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var histogram = new LatencyHistogram();
            var items = ThreadPool.CompletedWorkItemCount;
            var contentions = Monitor.LockContentionCount;
            var collections = GC.CollectionCount(0);
            var rate = await CallLoad.RunAsync(grains, concurrency, TimeSpan.FromSeconds(seconds), histogram);
            // Where a slow round spends its time: thread-pool hops per call, pool size, lock contention, gen0 GCs.
            Console.WriteLine($"  work items/call {(ThreadPool.CompletedWorkItemCount - items) / (rate * seconds):F2}, threads {ThreadPool.ThreadCount}, lock contentions {Monitor.LockContentionCount - contentions}, gen0 collections {GC.CollectionCount(0) - collections}");
            rates.Add(rate);
            p50s.Add(histogram.PercentileMicros(0.50));
            p99s.Add(histogram.PercentileMicros(0.99));
            Console.WriteLine($"round {round}: {rate:F0} calls/s, p50 {histogram.PercentileMicros(0.5):F1} µs, p99 {histogram.PercentileMicros(0.99):F1} µs");
        }

        var activationRate = await Activations(cluster.GrainFactory, 100_000);
        Console.WriteLine($"activations: {activationRate:F0}/s");
        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "runtime",
            ["cores"] = Environment.ProcessorCount,
            ["grains"] = Grains,
            ["concurrency"] = concurrency,
            ["local_calls_per_sec"] = Math.Round(BenchResult.Median(rates)),
            ["local_p50_us"] = Math.Round(BenchResult.Median(p50s), 1),
            ["local_p99_us"] = Math.Round(BenchResult.Median(p99s), 1),
            ["activations_per_sec"] = Math.Round(activationRate),
        });
    }

    private static async Task<double> Activations(IGrainFactory factory, int count)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = new Task[1_000];
        for (var i = 0; i < count; i += batch.Length)
        {
            for (var j = 0; j < batch.Length; j++)
                batch[j] = factory.GetGrain<IPingGrain>(1_000_000 + i + j).PingAsync(j);
            await Task.WhenAll(batch);
        }
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
