using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A dry run: outputs to resolve, with the current registries wherever a document is null.</summary>
[GenerateSerializer]
[Alias("ActorCore.ResolveRequest")]
[Immutable]
public sealed record ResolveRequest
{
    /// <summary>The combiner registry; null: the current one.</summary>
    [Id(0)]
    public CombinerRegistryDocument? Registry { get; init; }

    /// <summary>The cap-layer registry; null: the current one.</summary>
    [Id(1)]
    public CapLayerRegistryDocument? CapLayers { get; init; }

    [Id(2)]
    public required IReadOnlyList<SubsystemOutput> Outputs { get; init; }
}
