using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One version of the registries: version 0 is the configured default, stored revisions count up from 1.</summary>
[GenerateSerializer]
[Alias("ActorCore.RegistryRevision")]
[Immutable]
public sealed record RegistryRevision
{
    /// <summary>The key of the registry grain the cluster resolves with.</summary>
    public const string DefaultKey = "default";

    [Id(0)]
    public required long Version { get; init; }

    [Id(1)]
    public required CombinerRegistryDocument Combiner { get; init; }

    [Id(2)]
    public required CapLayerRegistryDocument CapLayers { get; init; }

    /// <summary>When this revision was stored; null for the configured default.</summary>
    [Id(3)]
    public DateTimeOffset? UpdatedAt { get; init; }
}
