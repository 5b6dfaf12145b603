using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// The answer to <c>GET /api/v1/studies/{id}</c>: all trials plus <see cref="Best"/> for one objective or
/// <see cref="ParetoFront"/> for several (the other one is null).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.StudyView")]
[Immutable]
public sealed record StudyView(
    string Name,
    SamplerKind Sampler,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Trial> Trials,
    Trial? Best,
    IReadOnlyList<Trial>? ParetoFront);
