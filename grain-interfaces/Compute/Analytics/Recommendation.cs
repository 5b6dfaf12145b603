using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// The answer to <c>GET /api/v1/analytics/recommendation?taskType=&amp;complexity=</c>.
/// <see cref="Source"/> is "analytics" (the best-scoring parameter set with enough executions, see
/// <see cref="Evidence"/>, compared with the <see cref="RunnerUp"/>), "study" (no set has enough executions, so the
/// given study's best trial is recommended) or "none" (<see cref="Parameters"/> is null). <see cref="StudyAgrees"/>
/// says whether a given study's best trial is the recommended set; <see cref="StudyParametersObserved"/> is how the
/// study's parameters did in production, if they were ever used.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.Recommendation")]
[Immutable]
public sealed record Recommendation(
    string TaskType,
    string Complexity,
    string Source,
    IReadOnlyDictionary<string, ParameterValue>? Parameters,
    ParameterSetEffectiveness? Evidence,
    ParameterSetEffectiveness? RunnerUp,
    ProportionDifference? SuccessRateVersusRunnerUp,
    MeanDifference? QualityVersusRunnerUp,
    int CandidateSets,
    int EligibleSets,
    int MinSamples,
    StudyEvidence? Study,
    ParameterSetEffectiveness? StudyParametersObserved,
    bool? StudyAgrees,
    string Reason);
