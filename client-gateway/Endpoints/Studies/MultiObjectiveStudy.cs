using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Gateway.Endpoints.Studies;

/// <summary><c>GET /api/v1/studies/{id}</c> of a study with several objectives: its trials and the Pareto front (trial id order).</summary>
public sealed record MultiObjectiveStudy(
    string StudyId,
    string Name,
    SamplerKind Sampler,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Trial> Trials,
    IReadOnlyList<Trial> ParetoFront);
