using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// The answer to <c>GET /api/v1/analytics/effectiveness?taskType=</c>: every parameter set ranked by combined score,
/// and the task type's trend (recent window against the one before).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.EffectivenessReport")]
[Immutable]
public sealed record EffectivenessReport(string TaskType, IReadOnlyList<ParameterSetEffectiveness> Groups, TrendReport Trend);
