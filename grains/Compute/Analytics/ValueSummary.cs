namespace Cluster.Grains.Compute.Analytics;

/// <summary>Executions of a task type grouped by one parameter's value ("(unset)" where the parameter was absent).</summary>
public sealed record ValueSummary(string Value, long Count, double SuccessRate, double MeanLatencyMs, double? MeanQuality);
