using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>
/// The combiner and cap-layer registries every actor resolves with, versioned and replaceable at run time. The cluster
/// uses the one keyed <see cref="RegistryRevision.DefaultKey"/>; until a registry is stored it serves the configured
/// default as version 0.
/// </summary>
[Alias("ActorCore.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithStringKey
{
    [ReadOnly]
    [Alias("GetAsync")]
    Task<RegistryRevision> GetAsync();

    /// <summary>
    /// Validates and stores a new revision, then makes it current for the actors of this silo before returning it.
    /// <paramref name="capLayers"/> null keeps the current cap layers. When <paramref name="expectedVersion"/> is given
    /// and is not the current version, nothing changes and <see cref="InconsistentStateException"/> is thrown.
    /// </summary>
    [Alias("PutAsync")]
    Task<RegistryRevision> PutAsync(CombinerRegistryDocument combiner, CapLayerRegistryDocument? capLayers, long? expectedVersion);
}
