using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A cap-layer registry as written (CapLayerRegistry.schema.json): the layers in evaluation order and the across-layer policy.</summary>
[GenerateSerializer]
[Alias("ActorCore.CapLayerRegistryDocument")]
[Immutable]
public sealed record CapLayerRegistryDocument
{
    [Id(0)]
    public required IReadOnlyList<string> Order { get; init; }

    [Id(1)]
    public required AcrossLayerPolicy AcrossPolicy { get; init; }
}
