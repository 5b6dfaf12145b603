using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One subsystem's limit on a dimension's range within one cap layer (CapContribution.schema.json).</summary>
[Immutable]
public sealed record CapContribution
{
    public required string System { get; init; }

    public required string Dimension { get; init; }

    public required CapMode Mode { get; init; }

    public required CapKind Kind { get; init; }

    public required double Value { get; init; }

    public int Priority { get; init; }

    /// <summary>A layer of the cap-layer registry.</summary>
    public string Scope { get; init; } = CapLayers.Total;

    /// <summary>
    /// Required when <see cref="Scope"/> is <see cref="CapLayers.Realm"/>. Informational for the engine: every
    /// REALM cap an actor carries belongs to the REALM layer, whatever realm it names.
    /// </summary>
    public string? Realm { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}
