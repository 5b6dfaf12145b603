namespace Cluster.Grains.Compute.Optimization;

/// <summary>An objective as a client writes it: <c>{name, direction: "minimize"|"maximize"}</c>.</summary>
public sealed record ObjectiveSpec(string? Name, string? Direction);
