using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One per silo (keyed by silo id): makes a new registry revision current for that silo's actors.</summary>
[Alias("ActorCore.IRegistryViewGrain")]
public interface IRegistryViewGrain : IGrainWithStringKey
{
    [Alias("PublishAsync")]
    Task PublishAsync(RegistryRevision revision);
}
