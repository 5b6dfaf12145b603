using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// All a sampler needs to suggest the next trial; plain data so a grain can send it to a stateless worker.
/// <see cref="Pending"/> holds the parameters of running trials, which the suggestion must keep away from.
/// <see cref="WarmStart"/> (the last fitted hyperparameters, if any) lets the Gaussian process refit cheaply.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.SuggestionRequest")]
[Immutable]
public sealed record SuggestionRequest(
    SearchSpace Space,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Trial> Completed,
    IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> Pending,
    SamplerKind Sampler,
    long Seed,
    GaussianProcessHyperparameters? WarmStart = null);
