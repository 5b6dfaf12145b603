using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// Whether one parameter's value makes a difference: per-value summaries and, across the values with enough
/// executions, the success-rate, latency and quality comparisons. <see cref="Matters"/> when at least one comparison is
/// significant at the report's adjusted level with at least a small effect (|d| ≥ 0.2 or V ≥ 0.1).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ParameterInsight")]
[Immutable]
public sealed record ParameterInsight(
    string Parameter,
    IReadOnlyList<ValueSummary> Values,
    ProportionDifference? SuccessRate,
    MeanDifference? Latency,
    MeanDifference? Quality,
    bool Matters);
