namespace Cluster.Bench;

/// <summary>What an echo run measured: completed requests in the measured window, their rate and latency percentiles.</summary>
public sealed record EchoResult(long Requests, double RequestsPerSecond, double P50Micros, double P99Micros);
