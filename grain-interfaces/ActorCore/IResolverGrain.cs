using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Resolves subsystem outputs into a snapshot without storing anything (a dry run); a stateless worker, use key 0.</summary>
[Alias("ActorCore.IResolverGrain")]
public interface IResolverGrain : IGrainWithIntegerKey
{
    [Alias("ResolveAsync")]
    Task<Snapshot> ResolveAsync(ResolveRequest dryRun);
}
