using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>
/// An actor's <see cref="ActorSnapshot"/> as the gateway's JSON (UTF-8, camelCase), encoded once per actor and
/// registry version by the actor that owns the snapshot, so that reads neither serialise the snapshot again nor copy
/// its dictionaries between silo and gateway.
/// </summary>
[GenerateSerializer]
[Alias("ActorCore.ActorSnapshotJson")]
[Immutable]
public sealed record ActorSnapshotJson
{
    /// <summary>The actor version the snapshot was resolved from.</summary>
    [Id(0)]
    public required long Version { get; init; }

    /// <summary>The registry version the snapshot was resolved with.</summary>
    [Id(1)]
    public required long RegistryVersion { get; init; }

    [Id(2)]
    public required byte[] Utf8 { get; init; }
}
