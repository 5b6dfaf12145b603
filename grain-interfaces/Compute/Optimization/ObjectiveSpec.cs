using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>An objective as a client writes it: <c>{name, direction: "minimize"|"maximize"}</c>.</summary>
[Immutable]
public sealed record ObjectiveSpec(string? Name, string? Direction);
