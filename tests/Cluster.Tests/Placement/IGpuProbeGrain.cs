using Orleans;

namespace Cluster.Tests.Placement;

/// <summary>A grain that must run on a gpu silo; it answers with the name of the silo it runs on.</summary>
[Alias("Tests.IGpuProbeGrain")]
public interface IGpuProbeGrain : IGrainWithIntegerKey
{
    [Alias("SiloAsync")]
    Task<string> SiloAsync();
}
