using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Identifies the subsystem that produced an output.</summary>
[GenerateSerializer]
[Alias("ActorCore.SubsystemMeta")]
[Immutable]
public sealed record SubsystemMeta
{
    [Id(0)]
    public required string System { get; init; }

    [Id(1)]
    public string? Stage { get; init; }

    [Id(2)]
    public long? Version { get; init; }
}
