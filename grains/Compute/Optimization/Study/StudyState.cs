using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Everything a study is, as plain JSON-serialisable data: the grain persists it and hands it to <see cref="Study"/>.
/// Trial ids are their positions in <see cref="Trials"/>. <see cref="BestTrialId"/> is kept for single-objective
/// studies and <see cref="ParetoFront"/> (trial ids, ascending) for multi-objective ones. <see cref="Surrogate"/> holds
/// the Gaussian-process hyperparameters of the last suggestion, the warm start of the next fit.
/// </summary>
public sealed record StudyState(
    string Name,
    SearchSpace Space,
    IReadOnlyList<Objective> Objectives,
    SamplerKind Sampler,
    long Seed,
    IReadOnlyList<Trial> Trials,
    int? BestTrialId,
    IReadOnlyList<int> ParetoFront,
    GaussianProcessHyperparameters? Surrogate);
