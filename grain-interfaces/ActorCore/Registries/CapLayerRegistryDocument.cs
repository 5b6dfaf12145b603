using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A cap-layer registry as written (CapLayerRegistry.schema.json): the layers in evaluation order and the across-layer policy.</summary>
[Immutable]
public sealed record CapLayerRegistryDocument
{
    public required IReadOnlyList<string> Order { get; init; }

    public required AcrossLayerPolicy AcrossPolicy { get; init; }
}
