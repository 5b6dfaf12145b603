using Cluster.Grains.Cluster;
using Orleans;

namespace Cluster.Tests.Placement;

[GrainType("tests.silo-probe")]
public sealed class SiloProbeGrain(SiloIdentity silo) : Grain, ISiloProbeGrain
{
    public Task<string> SiloAsync() => Task.FromResult(silo.Name);
}
