using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Bench;

/// <summary>
/// What the rounds of one <see cref="CallLoad"/> workload measured: each round's rate, latency percentiles, and the
/// process's CPU time per call. On a machine shared with other work the rate follows the CPU share this process gets;
/// CPU time per call does not, so it is the figure to compare two builds or settings by.
/// </summary>
internal sealed class RoundFigures
{
    public List<double> Rates { get; } = [];

    public List<double> P50s { get; } = [];

    public List<double> P99s { get; } = [];

    public List<double> CpuMicrosPerCall { get; } = [];

    /// <summary>Runs one round and keeps its figures; returns its rate.</summary>
    public async Task<double> MeasureAsync(int grains, Func<int, Task> call, int callers, TimeSpan duration)
    {
        var histogram = new LatencyHistogram();
        var cpu = Environment.CpuUsage.TotalTime;
        var rate = await CallLoad.RunAsync(grains, call, callers, duration, histogram);
        CpuMicrosPerCall.Add((Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / histogram.Count);
        Rates.Add(rate);
        P50s.Add(histogram.PercentileMicros(0.50));
        P99s.Add(histogram.PercentileMicros(0.99));
        return rate;
    }

    /// <summary>The last round, for progress lines.</summary>
    public string Describe() => $"{Rates[^1]:F0} calls/s (p50 {P50s[^1]:F0} µs, p99 {P99s[^1]:F0} µs, {CpuMicrosPerCall[^1]:F1} µs CPU per call)";
}
