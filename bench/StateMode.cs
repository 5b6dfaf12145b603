using System.Diagnostics;
using Cluster.Runtime;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Testing;

namespace Cluster.Bench;

/// <summary>
/// Persistent state through the runtime on the in-memory store, so the figures are the runtime's own cost: acknowledged
/// writes per second from many callers to 10,000 grains holding a 40-item inventory, then stateful activations per
/// second (read on activation, collected again on a silo restart, which writes nothing left unchanged).
/// </summary>
internal static class StateMode
{
    private const int Grains = 10_000;
    private const int ItemsPerGrain = 40;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2;
        var storage = new MemoryGrainStorage();
        await using var cluster = await TestCluster.StartAsync(o => o.Storage = storage);
        var grains = new IInventoryGrain[Grains];
        for (var i = 0; i < Grains; i++)
            grains[i] = cluster.GrainFactory.GetGrain<IInventoryGrain>(i);
        await Task.WhenAll(grains.Select(static async g =>
        {
            for (var item = 0; item < ItemsPerGrain; item++)
                await g.AddAsync("item-" + item, 1);
        }));
        await Writes(grains, 256, TimeSpan.FromSeconds(1));

        var writes = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var rate = await Writes(grains, 256, TimeSpan.FromSeconds(seconds));
            writes.Add(rate);
            Console.WriteLine($"round {round}: {rate:F0} acknowledged writes/s");
        }

        var activations = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var restart = Stopwatch.StartNew();
            await cluster.RestartAsync();
            var deactivationSeconds = restart.Elapsed.TotalSeconds;
            var started = Stopwatch.GetTimestamp();
            var batch = new Task[Grains];
            for (var i = 0; i < Grains; i++)
                batch[i] = cluster.GrainFactory.GetGrain<IInventoryGrain>(i).AddAsync("item-0", 0);
            await Task.WhenAll(batch);
            var rate = Grains / Stopwatch.GetElapsedTime(started).TotalSeconds;
            activations.Add(rate);
            Console.WriteLine($"round {round}: {rate:F0} stateful activations/s (each with one write), restart with {Grains} deactivations {deactivationSeconds * 1000:F0} ms");
        }

        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "state",
            ["cores"] = Environment.ProcessorCount,
            ["grains"] = Grains,
            ["state_writes_per_sec"] = Math.Round(BenchResult.Median(writes)),
            ["stateful_activations_per_sec"] = Math.Round(BenchResult.Median(activations)),
        });
    }

    private static async Task<double> Writes(IInventoryGrain[] grains, int callers, TimeSpan duration)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var counts = new long[callers];
        var loops = new Task[callers];
        for (var c = 0; c < callers; c++)
            loops[c] = Writer(grains, c, stop, counts);
        await Task.WhenAll(loops);
        long total = 0;
        foreach (var n in counts)
            total += n;
        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task Writer(IInventoryGrain[] grains, int index, long stop, long[] counts)
    {
        await Task.Yield();
        long n = 0;
        var g = index % grains.Length;
        while (Stopwatch.GetTimestamp() < stop)
        {
            await grains[g].AddAsync("item-" + (n % ItemsPerGrain), 1);
            n++;
            g += 7;
            if (g >= grains.Length)
                g -= grains.Length;
        }
        counts[index] = n;
    }
}
