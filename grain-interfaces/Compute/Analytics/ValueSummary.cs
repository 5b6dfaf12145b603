using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>Executions of a task type grouped by one parameter's value ("(unset)" where the parameter was absent).</summary>
[Immutable]
public sealed record ValueSummary(string Value, long Count, double SuccessRate, double MeanLatencyMs, double? MeanQuality);
