using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Compares a recent window with the one before it: success rate by the two-proportion z-test; mean latency,
/// quality and satisfaction by Welch's t-test; each two-sided at α = 0.05.
/// </summary>
public static class Trends
{
    public const double Alpha = 0.05;

    /// <summary>From in-memory executions: windows (now − 2w, now − w] and (now − w, now].</summary>
    public static TrendReport Compare(IEnumerable<Execution> executions, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var list = executions as IReadOnlyCollection<Execution> ?? [.. executions];
        var recentFrom = now - window;
        var earlierFrom = recentFrom - window;
        return Compare(ExecutionGrouping.Window(list, earlierFrom, recentFrom), ExecutionGrouping.Window(list, recentFrom, now), earlierFrom, recentFrom, now);
    }

    /// <summary>From the two windows' aggregated statistics.</summary>
    public static TrendReport Compare(ExecutionStatistics earlier, ExecutionStatistics recent, DateTimeOffset earlierFrom, DateTimeOffset recentFrom, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(recent);
        var success = SignificanceTests.TwoProportion(recent.Successes, recent.Count, earlier.Successes, earlier.Count);
        MetricTrend[] metrics =
        [
            Trend("successRate", earlier.Count, recent.Count, earlier.SuccessRate, recent.SuccessRate, success, higherIsBetter: true),
            Means("latencyMs", earlier.Latency, recent.Latency, higherIsBetter: false),
            Means("responseQuality", earlier.Quality, recent.Quality, higherIsBetter: true),
            Means("userSatisfaction", earlier.Satisfaction, recent.Satisfaction, higherIsBetter: true),
        ];
        return new TrendReport(earlierFrom, recentFrom, to, metrics);
    }

    private static MetricTrend Means(string metric, Moments earlier, Moments recent, bool higherIsBetter) =>
        Trend(metric, earlier.Count, recent.Count, earlier.Mean, recent.Mean, SignificanceTests.Welch(recent, earlier), higherIsBetter);

    private static MetricTrend Trend(string metric, long earlierCount, long recentCount, double? earlier, double? recent, TestResult? test, bool higherIsBetter)
    {
        double? change = earlier is { } e && recent is { } r ? r - e : null;
        var verdict = test is null ? "insufficient data"
            : test.PValue >= Alpha || change is null or 0 ? "no significant change"
            : change > 0 == higherIsBetter ? "improved" : "worsened";
        return new MetricTrend(metric, earlierCount, recentCount, earlier, recent, change, test, verdict);
    }
}
