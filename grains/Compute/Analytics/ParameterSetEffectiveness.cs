using Cluster.Grains.Compute.Optimization;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>How one parameter set performed: its metrics and its combined <see cref="Score"/> (see <see cref="Effectiveness"/>).</summary>
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
