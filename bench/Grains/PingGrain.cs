using Orleans;

namespace Cluster.Bench.Grains;

[Alias("Bench.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("PingAsync")]
    Task<int> PingAsync(int value);
}

/// <summary>The smallest useful grain: a call to it costs what Orleans itself costs.</summary>
[GrainType("bench-ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}
