using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>A validated execution record; <see cref="Parameters"/> is its canonical parameter set.</summary>
public sealed record Execution(
    string TaskType,
    ParameterSet Parameters,
    string Model,
    string Provider,
    double ExecutionTimeMs,
    TokenCounts Tokens,
    double? ResponseQuality,
    double? UserSatisfaction,
    bool Success,
    string? ErrorType,
    string Complexity,
    string Domain,
    DateTimeOffset Timestamp);
