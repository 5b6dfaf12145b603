using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

public sealed class FaultyOperationException(string message) : Exception(message);

/// <summary>A missing-thing error whose constructor does not take a message, as domain exceptions often don't.</summary>
public sealed class MissingThingException(string thing) : KeyNotFoundException($"There is no {thing}.");

public interface ICallerGrain : IGrainWithStringKey
{
    Task<int> ThrowAsync(string message);

    Task ThrowMissingAsync(string thing);

    Task WaitAsync(int ms, CancellationToken cancellationToken);

    /// <summary>Calls the other grain, which calls this one back: a cycle.</summary>
    Task<string> PingViaAsync(ICallerGrain other);

    Task<string> PingBackAsync(ICallerGrain origin);

    Task<string> PongAsync();

    Task<List<int>> MutateAsync(List<int> values);

    Task<List<int>> HeldAsync();

    Task RememberAsync(ICounterGrain counter);

    Task<int> CallRememberedAsync();
}

public sealed class CallerGrain : Grain, ICallerGrain
{
    private List<int> _held = [];
    private ICounterGrain? _remembered;

    public Task<int> ThrowAsync(string message) => throw new FaultyOperationException(message);

    public Task ThrowMissingAsync(string thing) => throw new MissingThingException(thing);

    public Task WaitAsync(int ms, CancellationToken cancellationToken) => Task.Delay(ms, cancellationToken);

    public Task<string> PingViaAsync(ICallerGrain other) => other.PingBackAsync(this.AsReference<ICallerGrain>());

    public Task<string> PingBackAsync(ICallerGrain origin) => origin.PongAsync();

    public Task<string> PongAsync() => Task.FromResult("pong from " + GetPrimaryKeyString());

    public Task<List<int>> MutateAsync(List<int> values)
    {
        values.Add(99);
        _held = values;
        return Task.FromResult(values);
    }

    public Task<List<int>> HeldAsync() => Task.FromResult(_held);

    public Task RememberAsync(ICounterGrain counter)
    {
        _remembered = counter;
        return Task.CompletedTask;
    }

    public async Task<int> CallRememberedAsync() => (await _remembered!.IncrementAsync()).Count;
}

public interface IReentrantCallerGrain : ICallerGrain;

[Reentrant]
public sealed class ReentrantCallerGrain : Grain, IReentrantCallerGrain
{
    public Task<int> ThrowAsync(string message) => throw new FaultyOperationException(message);

    public Task ThrowMissingAsync(string thing) => throw new MissingThingException(thing);

    public Task WaitAsync(int ms, CancellationToken cancellationToken) => Task.Delay(ms, cancellationToken);

    public Task<string> PingViaAsync(ICallerGrain other) => other.PingBackAsync(this.AsReference<IReentrantCallerGrain>());

    public Task<string> PingBackAsync(ICallerGrain origin) => origin.PongAsync();

    public Task<string> PongAsync() => Task.FromResult("pong from " + GetPrimaryKeyString());

    public Task<List<int>> MutateAsync(List<int> values) => Task.FromResult(values);

    public Task<List<int>> HeldAsync() => Task.FromResult(new List<int>());

    public Task RememberAsync(ICounterGrain counter) => Task.CompletedTask;

    public Task<int> CallRememberedAsync() => Task.FromResult(0);
}

public interface ISerializationProbeGrain : IGrainWithStringKey
{
    /// <summary>Takes a value that cannot be serialized, to prove the caller gets a clear error.</summary>
    Task<int> InvokeAsync(Func<int> callback);
}

public sealed class SerializationProbeGrain : Grain, ISerializationProbeGrain
{
    public Task<int> InvokeAsync(Func<int> callback) => Task.FromResult(callback());
}
