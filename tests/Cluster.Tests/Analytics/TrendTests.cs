using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.Grains.Compute.Analytics;
using Xunit;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

public class TrendTests
{
    // Earlier week: latencies 100, 120, 140 with 2 of 3 successes; recent week: 200, 220, 240, 260 with 1 of 4.
    private static readonly Execution[] TwoWeeks = Valid(
        Record(latencyMs: 100, at: Now.AddDays(-10)),
        Record(latencyMs: 120, at: Now.AddDays(-9)),
        Record(latencyMs: 140, success: false, at: Now.AddDays(-8)),
        Record(latencyMs: 200, at: Now.AddDays(-3)),
        Record(latencyMs: 220, success: false, at: Now.AddDays(-2)),
        Record(latencyMs: 240, success: false, at: Now.AddDays(-2)),
        Record(latencyMs: 260, success: false, at: Now.AddDays(-1)),
        Record(latencyMs: 5000, at: Now.AddDays(-20)));

    private static MetricTrend Metric(string name) =>
        Trends.Compare(TwoWeeks, Now, TimeSpan.FromDays(7)).Metrics.Single(m => m.Metric == name);

    [Fact]
    public void Latency_change_is_tested_with_welch_t()
    {
        var latency = Metric("latencyMs");

        // t = 110/√(666.67/4 + 400/3) = 6.35085; Welch–Satterthwaite df = 4.95918; two-sided p = 0.0014733.
        Assert.Equal(3, latency.EarlierCount);
        Assert.Equal(4, latency.RecentCount);
        Assert.Equal(110, latency.Change!.Value, 9);
        Assert.Equal("welch-t", latency.Test!.Test);
        Assert.Equal(6.35085296108588, latency.Test.Statistic, 9);
        Assert.Equal(4.95918367346939, latency.Test.DegreesOfFreedom!.Value, 9);
        Assert.Equal(0.00147329991990675, latency.Test.PValue, 9);
        Assert.Equal("worsened", latency.Verdict);
    }

    [Fact]
    public void Success_rate_change_is_tested_with_a_two_proportion_z_test()
    {
        var success = Metric("successRate");

        // 1/4 against 2/3, pooled 3/7: z = −1.10240, p = 0.27029 — not significant.
        Assert.Equal("two-proportion-z", success.Test!.Test);
        Assert.Equal(-1.10239637961025, success.Test.Statistic, 9);
        Assert.Equal(0.270289384801699, success.Test.PValue, 9);
        Assert.Equal("no significant change", success.Verdict);
    }

    [Fact]
    public void Unrated_windows_report_insufficient_data()
    {
        Assert.Equal("insufficient data", Metric("responseQuality").Verdict);
        Assert.Null(Metric("responseQuality").Test);
    }
}
