using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One subsystem's limit on a dimension's range within one cap layer (CapContribution.schema.json).</summary>
[GenerateSerializer]
[Alias("ActorCore.CapContribution")]
[Immutable]
public sealed record CapContribution
{
    [Id(0)]
    public required string System { get; init; }

    [Id(1)]
    public required string Dimension { get; init; }

    [Id(2)]
    public required CapMode Mode { get; init; }

    [Id(3)]
    public required CapKind Kind { get; init; }

    [Id(4)]
    public required double Value { get; init; }

    [Id(5)]
    public int Priority { get; init; }

    /// <summary>A layer of the cap-layer registry.</summary>
    [Id(6)]
    public string Scope { get; init; } = CapLayers.Total;

    /// <summary>
    /// Required when <see cref="Scope"/> is <see cref="CapLayers.Realm"/>. Informational for the engine: every
    /// REALM cap an actor carries belongs to the REALM layer, whatever realm it names.
    /// </summary>
    [Id(7)]
    public string? Realm { get; init; }

    [Id(8)]
    public IReadOnlyList<string> Tags { get; init; } = [];
}
