using System.Diagnostics;
using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Bench;

/// <summary>
/// Closed-loop load: a fixed number of callers, each issuing one call after another to grains in turn, for a
/// fixed time. Returns completed calls per second and records every call's latency.
/// </summary>
internal static class CallLoad
{
    /// <param name="grains">How many grains there are; <paramref name="call"/> gets the index of the one to call.</param>
    /// <param name="call">One call to grain i, returning the grain call's own task so nothing wraps it.</param>
    public static async Task<double> RunAsync(int grains, Func<int, Task> call, int callers, TimeSpan duration, LatencyHistogram histogram)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = new long[callers];
        var started = Stopwatch.GetTimestamp();
        var loops = new Task[callers];
        for (var c = 0; c < callers; c++)
            loops[c] = Caller(grains, call, c, stop, counts, histogram);
        await Task.WhenAll(loops);
        long total = 0;
        foreach (var count in counts)
            total += count;
        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task Caller(int grains, Func<int, Task> call, int index, long stop, long[] counts, LatencyHistogram histogram)
    {
        await Task.Yield();
        long n = 0;
        var g = index % grains;
        while (Stopwatch.GetTimestamp() < stop)
        {
            var t0 = Stopwatch.GetTimestamp();
            await call(g);
            histogram.Record(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            n++;
            g += 7;
            if (g >= grains)
                g -= grains;
        }
        counts[index] = n;
    }
}
