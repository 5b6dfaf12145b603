using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>An actor's resolved stats for one actor version and one registry version.</summary>
[Immutable]
public sealed record ActorSnapshot
{
    public required string ActorId { get; init; }

    /// <summary>The actor version the snapshot was resolved from.</summary>
    public required long Version { get; init; }

    /// <summary>The registry version the snapshot was resolved with.</summary>
    public required long RegistryVersion { get; init; }

    public required IReadOnlyDictionary<string, double> Primary { get; init; }

    public required IReadOnlyDictionary<string, double> Derived { get; init; }

    public required IReadOnlyDictionary<string, CapRange> CapsUsed { get; init; }
}
