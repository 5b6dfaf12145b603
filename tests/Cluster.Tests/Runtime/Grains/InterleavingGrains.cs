using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

/// <summary>Records how many requests were inside the grain at once while each one waits.</summary>
public interface IOverlapProbe : IGrainWithStringKey
{
    Task HoldAsync(int ms);

    [AlwaysInterleave]
    Task HoldInterleavedAsync(int ms);

    [ReadOnly]
    Task HoldReadOnlyAsync(int ms);

    Task<int> MaxOverlapAsync();
}

public abstract class OverlapProbeBase : Grain
{
    private int _inside;
    private int _maxInside;

    public Task HoldAsync(int ms) => Hold(ms);

    public Task HoldInterleavedAsync(int ms) => Hold(ms);

    public Task HoldReadOnlyAsync(int ms) => Hold(ms);

    public Task<int> MaxOverlapAsync() => Task.FromResult(_maxInside);

    private async Task Hold(int ms)
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        await Task.Delay(ms);
        _inside--;
    }
}

public sealed class NonReentrantProbeGrain : OverlapProbeBase, IOverlapProbe;

public interface IReentrantProbe : IOverlapProbe;

[Reentrant]
public sealed class ReentrantProbeGrain : OverlapProbeBase, IReentrantProbe;
