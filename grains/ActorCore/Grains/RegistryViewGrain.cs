using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.Cluster;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.ActorCore;

/// <summary>Receives the registry grain's broadcast of a new revision on each silo (keyed by the silo's address).</summary>
[GrainType("registry-view")]
[PerSiloPlacement]
[Reentrant]
public sealed class RegistryViewGrain(IRegistryView view) : Grain, IRegistryViewGrain
{
    public Task PublishAsync(RegistryRevision revision)
    {
        view.Publish(ActiveRegistries.Compile(revision));
        return Task.CompletedTask;
    }
}
