using Cluster.GrainInterfaces.Health;
using Cluster.Grains.Cluster;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Health;

[GrainType("health")]
[StatelessWorker]
public sealed class HealthGrain(SiloIdentity silo) : Grain, IHealthGrain
{
    public Task<HealthReport> CheckAsync() => Task.FromResult(new HealthReport(silo.Name, DateTimeOffset.UtcNow));
}
