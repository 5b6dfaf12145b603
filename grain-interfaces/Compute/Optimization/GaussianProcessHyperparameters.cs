using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// Hyperparameters of a Matérn-5/2 Gaussian process with one length scale per input dimension (ARD), a signal
/// variance and an observation-noise variance, all on the scale of the unit cube and the standardised outputs.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.GaussianProcessHyperparameters")]
[Immutable]
public sealed record GaussianProcessHyperparameters(IReadOnlyList<double> LengthScales, double SignalVariance, double NoiseVariance);
