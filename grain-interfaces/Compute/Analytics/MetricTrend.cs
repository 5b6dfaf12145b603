using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// One measure in the earlier and the recent window. <see cref="Verdict"/> is "improved" or "worsened" when the
/// named test rejects equality at the 5% level, "no significant change" when it does not, and "insufficient data"
/// when it cannot be run. Lower is better for latency; higher for the other measures.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.MetricTrend")]
[Immutable]
public sealed record MetricTrend(
    string Metric,
    long EarlierCount,
    long RecentCount,
    double? Earlier,
    double? Recent,
    double? Change,
    TestResult? Test,
    string Verdict);
