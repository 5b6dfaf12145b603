using System.Collections.Concurrent;

namespace Cluster.Grains.Chat.Streams;

/// <summary>
/// Event streams in this process's memory, for the embedded default (gateway and silo in one process) and unit
/// tests. Streams are dropped <see cref="ChatStreamOptions.EventTtl"/> after their last append.
/// </summary>
public sealed class MemoryChatEventStore(ChatStreamOptions options, TimeProvider clock) : IChatEventStore
{
    private readonly ConcurrentDictionary<string, MemoryEventStream> _streams = new(StringComparer.Ordinal);
    private long _nextSweep;

    public Task AppendAsync(string stream, ChatEvent chatEvent, CancellationToken cancellation = default)
    {
        var now = clock.GetTimestamp();
        _streams.GetOrAdd(stream, static _ => new MemoryEventStream()).Append(chatEvent, now);
        SweepExpired(now);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatEvent>> ReadAfterAsync(string stream, long after, int max, CancellationToken cancellation = default) =>
        Task.FromResult(_streams.TryGetValue(stream, out var events) ? events.ReadAfter(after, max) : (IReadOnlyList<ChatEvent>)[]);

    public async Task WaitAsync(string stream, long after, TimeSpan timeout, CancellationToken cancellation)
    {
        var events = _streams.GetOrAdd(stream, static _ => new MemoryEventStream());
        var appended = events.AppendedAfter(after);
        if (appended.IsCompleted)
            return;
        try
        {
            await appended.WaitAsync(timeout, clock, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A timeout only means "read again".
        }
    }

    private void SweepExpired(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        var ttl = options.EventTtl;
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + clock.TimestampFrequency * 10, due) != due)
            return;
        foreach (var (key, events) in _streams)
        {
            if (clock.GetElapsedTime(events.LastAppend, now) > ttl)
                _streams.TryRemove(key, out _);
        }
    }
}
