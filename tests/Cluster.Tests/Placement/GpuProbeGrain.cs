using Cluster.Grains.Cluster;
using Orleans;

namespace Cluster.Tests.Placement;

[GrainType("tests.gpu-probe")]
[RequireSiloRole("gpu")]
public sealed class GpuProbeGrain(SiloIdentity silo) : Grain, IGpuProbeGrain
{
    public Task<string> SiloAsync() => Task.FromResult(silo.Name);
}
