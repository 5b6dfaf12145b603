using Orleans;

namespace Cluster.Tests.Placement;

/// <summary>A stateless worker that holds a call for a while and tells which activation served it.</summary>
[Alias("Tests.IWorkerProbeGrain")]
public interface IWorkerProbeGrain : IGrainWithIntegerKey
{
    [Alias("HoldAsync")]
    Task<string> HoldAsync(TimeSpan hold);
}
