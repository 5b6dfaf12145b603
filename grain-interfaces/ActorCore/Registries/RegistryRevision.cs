using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One version of the registries: version 0 is the configured default, stored revisions count up from 1.</summary>
[Immutable]
public sealed record RegistryRevision
{
    /// <summary>The key of the registry grain the cluster resolves with.</summary>
    public const string DefaultKey = "default";

    public required long Version { get; init; }

    public required CombinerRegistryDocument Combiner { get; init; }

    public required CapLayerRegistryDocument CapLayers { get; init; }

    /// <summary>When this revision was stored; null for the configured default.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
