using Cluster.Grains.Cluster;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Tests.Placement;

[GrainType("tests.worker-probe")]
[StatelessWorker(4)]
public sealed class WorkerProbeGrain(SiloIdentity silo) : Grain, IWorkerProbeGrain
{
    private readonly string _activation = Guid.NewGuid().ToString("N");

    public async Task<string> HoldAsync(TimeSpan hold)
    {
        await Task.Delay(hold);
        return $"{silo.Name}/{_activation}";
    }
}
