using Orleans;

namespace Cluster.GrainInterfaces;

/// <summary>
/// The request conflicts with the current state of what it addresses (it changed meanwhile, or is finished); nothing
/// changed. Read the current state and decide again.
/// </summary>
[GenerateSerializer]
[Alias("ConflictException")]
public class ConflictException(string message) : Exception(message);
