using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A dry run: outputs to resolve, with the current registries wherever a document is null.</summary>
[Immutable]
public sealed record ResolveRequest
{
    /// <summary>The combiner registry; null: the current one.</summary>
    public CombinerRegistryDocument? Registry { get; init; }

    /// <summary>The cap-layer registry; null: the current one.</summary>
    public CapLayerRegistryDocument? CapLayers { get; init; }

    public required IReadOnlyList<SubsystemOutput> Outputs { get; init; }
}
