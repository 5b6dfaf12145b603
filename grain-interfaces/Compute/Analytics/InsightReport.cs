using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// The answer to <c>GET /api/v1/analytics/insights?taskType=</c>. <see cref="Alpha"/> is the per-test level after the
/// Bonferroni correction for <see cref="Tests"/> tests (0.05 / Tests); parameters that matter come first.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.InsightReport")]
[Immutable]
public sealed record InsightReport(string TaskType, int MinSamplesPerValue, int Tests, double Alpha, IReadOnlyList<ParameterInsight> Parameters);
