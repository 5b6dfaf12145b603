using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>The recent window (<see cref="RecentFrom"/>, <see cref="To"/>] against the earlier one (<see cref="EarlierFrom"/>, <see cref="RecentFrom"/>].</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.TrendReport")]
[Immutable]
public sealed record TrendReport(DateTimeOffset EarlierFrom, DateTimeOffset RecentFrom, DateTimeOffset To, IReadOnlyList<MetricTrend> Metrics);
