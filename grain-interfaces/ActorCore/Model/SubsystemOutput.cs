using System.Collections.ObjectModel;
using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Everything one subsystem contributes to an actor (SubsystemOutput.schema.json).</summary>
[GenerateSerializer]
[Alias("ActorCore.SubsystemOutput")]
[Immutable]
public sealed record SubsystemOutput
{
    [Id(0)]
    public required IReadOnlyList<Contribution> Primary { get; init; }

    [Id(1)]
    public required IReadOnlyList<Contribution> Derived { get; init; }

    [Id(2)]
    public required IReadOnlyList<CapContribution> Caps { get; init; }

    /// <summary>Modifier packs by context name.</summary>
    [Id(3)]
    public IReadOnlyDictionary<string, ModifierPack> Context { get; init; } = ReadOnlyDictionary<string, ModifierPack>.Empty;

    [Id(4)]
    public required SubsystemMeta Meta { get; init; }
}
