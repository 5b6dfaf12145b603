using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

public interface ISequenceGrain : IGrainWithIntegerKey
{
    Task AppendAsync(int value, int delayMs);

    Task<List<int>> GetAsync();
}

public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<int> _values = [];

    public async Task AppendAsync(int value, int delayMs)
    {
        if (delayMs > 0)
            await Task.Delay(delayMs);
        _values.Add(value);
    }

    public Task<List<int>> GetAsync() => Task.FromResult(_values);
}
