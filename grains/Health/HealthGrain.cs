using Cluster.GrainInterfaces.Health;
using Cluster.Runtime;
using Cluster.Runtime.Hosting;

namespace Cluster.Grains.Health;

[StatelessWorker]
public sealed class HealthGrain(SiloOptions silo) : Grain, IHealthGrain
{
    public Task<HealthReport> CheckAsync() => Task.FromResult(new HealthReport(silo.SiloId, DateTimeOffset.UtcNow));
}
