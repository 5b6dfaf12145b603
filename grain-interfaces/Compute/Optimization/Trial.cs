using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// One evaluation of the objective(s) at <see cref="Params"/>. <see cref="Values"/> holds one value per objective,
/// in the study's objective order, once the trial is complete; it is empty otherwise.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.Trial")]
[Immutable]
public sealed record Trial(int Id, TrialState State, IReadOnlyDictionary<string, ParameterValue> Params, IReadOnlyList<double> Values);
