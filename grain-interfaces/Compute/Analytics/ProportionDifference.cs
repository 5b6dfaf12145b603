using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// A comparison of success rates between two groups: the difference <see cref="First"/> − <see cref="Second"/> with
/// its 95% Wald interval, the test (in insights, chi-square over all compared values, first = best rate and second =
/// worst, with Cramér's V; in a recommendation, the two-proportion z-test of the recommended set against the runner-up).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ProportionDifference")]
[Immutable]
public sealed record ProportionDifference(
    string First,
    string Second,
    double FirstRate,
    double SecondRate,
    double Difference,
    double ConfidenceLow,
    double ConfidenceHigh,
    TestResult Test,
    double? CramersV,
    bool Significant);
