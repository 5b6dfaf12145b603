using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// A sampler's answer: the parameters of the next trial, and for the Gaussian-process sampler the hyperparameters
/// it fitted (to be passed back as the next request's warm start).
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.Suggestion")]
[Immutable]
public sealed record Suggestion(IReadOnlyDictionary<string, ParameterValue> Params, GaussianProcessHyperparameters? Hyperparameters);
