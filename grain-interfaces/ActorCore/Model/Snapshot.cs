using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>An actor's resolved stats (Snapshot.schema.json); dimensions are listed in ordinal name order.</summary>
[Immutable]
public sealed record Snapshot
{
    public required IReadOnlyDictionary<string, double> Primary { get; init; }

    public required IReadOnlyDictionary<string, double> Derived { get; init; }

    /// <summary>The range of every dimension that has a contribution or a cap.</summary>
    public required IReadOnlyDictionary<string, CapRange> CapsUsed { get; init; }

    public required long Version { get; init; }
}
