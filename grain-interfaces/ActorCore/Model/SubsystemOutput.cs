using System.Collections.ObjectModel;
using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Everything one subsystem contributes to an actor (SubsystemOutput.schema.json).</summary>
[Immutable]
public sealed record SubsystemOutput
{
    public required IReadOnlyList<Contribution> Primary { get; init; }

    public required IReadOnlyList<Contribution> Derived { get; init; }

    public required IReadOnlyList<CapContribution> Caps { get; init; }

    /// <summary>Modifier packs by context name.</summary>
    public IReadOnlyDictionary<string, ModifierPack> Context { get; init; } = ReadOnlyDictionary<string, ModifierPack>.Empty;

    public required SubsystemMeta Meta { get; init; }
}
