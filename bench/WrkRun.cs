namespace Cluster.Bench;

/// <summary>One wrk run's figures, with the gateway's CPU time per request served over the same run.</summary>
internal sealed record WrkRun(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, double GatewayCpuMicrosPerRequest);
