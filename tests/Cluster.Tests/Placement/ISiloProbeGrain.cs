using Orleans;

namespace Cluster.Tests.Placement;

/// <summary>A plain grain that answers with the name of the silo it runs on.</summary>
[Alias("Tests.ISiloProbeGrain")]
public interface ISiloProbeGrain : IGrainWithIntegerKey
{
    [Alias("SiloAsync")]
    Task<string> SiloAsync();
}
