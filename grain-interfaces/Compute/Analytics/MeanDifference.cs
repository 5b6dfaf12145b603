using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// A comparison of one measure's mean between two groups: the difference <see cref="First"/> − <see cref="Second"/>
/// with its 95% interval, Welch's test and Cohen's d. In insights the first group is the better value and the
/// second the worse; in a recommendation, the recommended set and the runner-up. <see cref="Significant"/> is
/// judged at the caller's (possibly multiplicity-adjusted) level.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.MeanDifference")]
[Immutable]
public sealed record MeanDifference(
    string First,
    string Second,
    double FirstMean,
    double SecondMean,
    double Difference,
    double ConfidenceLow,
    double ConfidenceHigh,
    TestResult Test,
    double? CohensD,
    bool Significant);
