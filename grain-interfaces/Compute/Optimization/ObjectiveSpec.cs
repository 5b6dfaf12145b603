using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>An objective as a client writes it: <c>{name, direction: "minimize"|"maximize"}</c>.</summary>
[GenerateSerializer]
[Alias("Compute.Optimization.ObjectiveSpec")]
[Immutable]
public sealed record ObjectiveSpec(string? Name, string? Direction);
