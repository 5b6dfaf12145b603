using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// The outcome of a named significance test: <see cref="Test"/> is "welch-t", "two-proportion-z" or
/// "chi-square-independence"; <see cref="DegreesOfFreedom"/> is null for the z-test.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.TestResult")]
[Immutable]
public sealed record TestResult(string Test, double Statistic, double? DegreesOfFreedom, double PValue);
