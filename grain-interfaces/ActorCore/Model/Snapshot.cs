using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>An actor's resolved stats (Snapshot.schema.json); dimensions are listed in ordinal name order.</summary>
[GenerateSerializer]
[Alias("ActorCore.Snapshot")]
[Immutable]
public sealed record Snapshot
{
    [Id(0)]
    public required IReadOnlyDictionary<string, double> Primary { get; init; }

    [Id(1)]
    public required IReadOnlyDictionary<string, double> Derived { get; init; }

    /// <summary>The range of every dimension that has a contribution or a cap.</summary>
    [Id(2)]
    public required IReadOnlyDictionary<string, CapRange> CapsUsed { get; init; }

    [Id(3)]
    public required long Version { get; init; }
}
