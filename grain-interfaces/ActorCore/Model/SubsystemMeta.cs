using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Identifies the subsystem that produced an output.</summary>
[Immutable]
public sealed record SubsystemMeta
{
    public required string System { get; init; }

    public string? Stage { get; init; }

    public long? Version { get; init; }
}
