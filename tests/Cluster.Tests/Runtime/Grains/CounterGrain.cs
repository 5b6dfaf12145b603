using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, awaiting in the middle, and returns this activation's id and the new count.</summary>
    Task<(Guid Activation, int Count)> IncrementAsync();

    Task<int> MaxConcurrentTurnsAsync();
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly Guid _activation = Guid.NewGuid();
    private int _count;
    private int _inside;
    private int _maxInside;

    public async Task<(Guid Activation, int Count)> IncrementAsync()
    {
        _maxInside = Math.Max(_maxInside, Interlocked.Increment(ref _inside));
        var before = _count;
        await Task.Yield();
        _count = before + 1;
        Interlocked.Decrement(ref _inside);
        return (_activation, _count);
    }

    public Task<int> MaxConcurrentTurnsAsync() => Task.FromResult(_maxInside);
}
