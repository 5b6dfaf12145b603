using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>How one parameter set performed: its metrics and its combined <see cref="Score"/> (see <c>Effectiveness</c>).</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ParameterSetEffectiveness")]
[Immutable]
public sealed record ParameterSetEffectiveness(
    string Key,
    IReadOnlyDictionary<string, ParameterValue> Parameters,
    long Count,
    double SuccessRate,
    double MeanLatencyMs,
    double P95LatencyMs,
    double MeanPromptTokens,
    double MeanCompletionTokens,
    double MeanTotalTokens,
    double? MeanQuality,
    double? MeanSatisfaction,
    double Score);
