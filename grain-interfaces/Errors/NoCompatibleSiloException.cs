using Orleans;

namespace Cluster.GrainInterfaces;

/// <summary>No active silo can host the grain: none has the role its type requires, or the named silo is not up.</summary>
[GenerateSerializer]
[Alias("NoCompatibleSiloException")]
public sealed class NoCompatibleSiloException(string message) : Exception(message);
