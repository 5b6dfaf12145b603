using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One per silo (keyed by silo id): makes a new registry revision current for that silo's actors.</summary>
public interface IRegistryViewGrain : IGrainWithStringKey
{
    Task PublishAsync(RegistryRevision revision);
}
