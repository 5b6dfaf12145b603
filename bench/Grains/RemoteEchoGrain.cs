using Cluster.Grains.Cluster;
using Orleans;

namespace Cluster.Bench.Grains;

[Alias("Bench.IRemoteEchoGrain")]
public interface IRemoteEchoGrain : IGrainWithIntegerKey
{
    [Alias("PingAsync")]
    Task<int> PingAsync(int value);

    /// <summary>Answers with the payload it was sent, so the bytes cross the network both ways.</summary>
    [Alias("EchoAsync")]
    Task<byte[]> EchoAsync(byte[] payload);
}

/// <summary>
/// A grain that lives only on silos with the <see cref="BenchRoles.Remote"/> role, so a silo without it always calls
/// it over the network.
/// </summary>
[GrainType("bench-remote-echo")]
[RequireSiloRole(BenchRoles.Remote)]
public sealed class RemoteEchoGrain : Grain, IRemoteEchoGrain
{
    private int _calls;

    public Task<int> PingAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }

    public Task<byte[]> EchoAsync(byte[] payload) => Task.FromResult(payload);
}
