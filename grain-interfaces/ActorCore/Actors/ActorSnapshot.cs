using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>An actor's resolved stats for one actor version and one registry version.</summary>
[GenerateSerializer]
[Alias("ActorCore.ActorSnapshot")]
[Immutable]
public sealed record ActorSnapshot
{
    [Id(0)]
    public required string ActorId { get; init; }

    /// <summary>The actor version the snapshot was resolved from.</summary>
    [Id(1)]
    public required long Version { get; init; }

    /// <summary>The registry version the snapshot was resolved with.</summary>
    [Id(2)]
    public required long RegistryVersion { get; init; }

    [Id(3)]
    public required IReadOnlyDictionary<string, double> Primary { get; init; }

    [Id(4)]
    public required IReadOnlyDictionary<string, double> Derived { get; init; }

    [Id(5)]
    public required IReadOnlyDictionary<string, CapRange> CapsUsed { get; init; }
}
