using Cluster.GrainInterfaces.Cluster;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Cluster;

[GrainType("silo-stats")]
[PerSiloPlacement]
[Reentrant]
public sealed class SiloStatsGrain(SiloIdentity silo, GrainCallStatistics statistics) : Grain, ISiloStatsGrain
{
    public Task<SiloStats> GetAsync() => Task.FromResult(new SiloStats(silo.Name, silo.Roles, statistics.Export()));
}
