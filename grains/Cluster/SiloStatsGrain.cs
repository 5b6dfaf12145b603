using Cluster.GrainInterfaces.Cluster;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Cluster.Grains.Cluster;

[GrainType("silo-stats")]
[PerSiloPlacement]
[Reentrant]
public sealed class SiloStatsGrain(SiloIdentity silo, GrainCallStatistics statistics, IClusterMembershipService membership)
    : Grain, ISiloStatsGrain
{
    public Task<SiloStats> GetAsync() =>
        Task.FromResult(new SiloStats(silo.Name, silo.Roles, membership.CurrentSnapshot.Version.Value, statistics.Export()));
}
