using Cluster.GrainInterfaces.ActorCore;
using Cluster.Runtime;

namespace Cluster.Grains.ActorCore;

/// <summary>Receives the registry grain's broadcast of a new revision on each silo.</summary>
[SiloTarget]
[Reentrant]
public sealed class RegistryViewGrain(IRegistryView view) : Grain, IRegistryViewGrain
{
    public Task PublishAsync(RegistryRevision revision)
    {
        view.Publish(ActiveRegistries.Compile(revision));
        return Task.CompletedTask;
    }
}
