using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>Executions of a task type grouped by one parameter's value ("(unset)" where the parameter was absent).</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ValueSummary")]
[Immutable]
public sealed record ValueSummary(string Value, long Count, double SuccessRate, double MeanLatencyMs, double? MeanQuality);
