using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Resolves subsystem outputs into a snapshot without storing anything (a dry run); a stateless worker, use key 0.</summary>
public interface IResolverGrain : IGrainWithIntegerKey
{
    Task<Snapshot> ResolveAsync(ResolveRequest dryRun);
}
