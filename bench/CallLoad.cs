using System.Diagnostics;
using Cluster.Runtime.Telemetry;

namespace Cluster.Bench;

/// <summary>
/// Closed-loop load: a fixed number of callers, each issuing one call after another to grains in turn, for a
/// fixed time. Returns completed calls per second and records every call's latency.
/// </summary>
internal static class CallLoad
{
    public static async Task<double> RunAsync(IPingGrain[] grains, int callers, TimeSpan duration, LatencyHistogram histogram)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = new long[callers];
        var started = Stopwatch.GetTimestamp();
        var loops = new Task[callers];
        for (var c = 0; c < callers; c++)
            loops[c] = Caller(grains, c, stop, counts, histogram);
        await Task.WhenAll(loops);
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task Caller(IPingGrain[] grains, int index, long stop, long[] counts, LatencyHistogram histogram)
    {
        await Task.Yield();
        long n = 0;
        var g = index % grains.Length;
        while (Stopwatch.GetTimestamp() < stop)
        {
            var t0 = Stopwatch.GetTimestamp();
            await grains[g].PingAsync(index);
            histogram.Record(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            n++;
            g += 7;
            if (g >= grains.Length)
                g -= grains.Length;
        }
        counts[index] = n;
    }
}
