using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Gateway.Endpoints.Studies;

/// <summary><c>GET /api/v1/studies/{id}</c> of a study with one objective: its trials and the best one (null until one completes).</summary>
public sealed record SingleObjectiveStudy(
    string StudyId,
    string Name,
    SamplerKind Sampler,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Trial> Trials,
    Trial? Best);
