namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// The aggregated row for one parameter set (of one task type, and of one complexity where the caller filtered by
/// it): its additive statistics plus the 95th latency percentile, which is not additive and so comes with the row
/// (<c>percentile_cont(0.95)</c> in PostgreSQL computes the same interpolated value as <see cref="Percentiles"/>).
/// </summary>
public sealed record ParameterSetStatistics(ParameterSet Parameters, ExecutionStatistics Statistics, double P95LatencyMs);
