namespace Cluster.Grains.Compute.Analytics;

/// <summary>The statistics of the two consecutive windows a trend compares.</summary>
public sealed record TrendWindows(ExecutionStatistics Earlier, ExecutionStatistics Recent);
