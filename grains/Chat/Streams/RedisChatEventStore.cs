using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Cluster.Grains.Chat.Streams;

/// <summary>
/// Event streams in Redis streams, shared by every silo and gateway of a cluster: event n of a message is entry
/// <c>0-n</c> of its stream (so ids are ours, dense and ordered), the stream expires <see cref="ChatStreamOptions.EventTtl"/>
/// after its last append, and each append publishes the stream's key so readers here wake without polling.
/// StackExchange.Redis multiplexes one connection and so offers no blocking XREAD; the notification stands in for it.
/// </summary>
public sealed class RedisChatEventStore : IChatEventStore, IDisposable
{
    private static readonly RedisChannel Appended = RedisChannel.Literal("chat:events:appended");
    private const string TypeField = "t";
    private const string DataField = "d";

    private readonly IConnectionMultiplexer _redis;
    private readonly ChatStreamOptions _options;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public RedisChatEventStore(IConnectionMultiplexer redis, ChatStreamOptions options)
    {
        _redis = redis;
        _options = options;
        _redis.GetSubscriber().Subscribe(Appended, (_, stream) => Wake(stream.ToString()));
    }

    public async Task AppendAsync(string stream, ChatEvent chatEvent, CancellationToken cancellation = default)
    {
        var db = _redis.GetDatabase();
        var batch = db.CreateBatch();
        var add = batch.StreamAddAsync(stream, [new(TypeField, chatEvent.Type), new(DataField, chatEvent.Data)], $"0-{chatEvent.Id}");
        var expire = batch.KeyExpireAsync(stream, _options.EventTtl);
        var publish = batch.PublishAsync(Appended, stream);
        batch.Execute();
        await Task.WhenAll(add, expire, publish).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChatEvent>> ReadAfterAsync(string stream, long after, int max, CancellationToken cancellation = default)
    {
        var entries = await _redis.GetDatabase().StreamRangeAsync(stream, After(after), "+", max).ConfigureAwait(false);
        var events = new ChatEvent[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var id = entry.Id.ToString();
            events[i] = new ChatEvent(long.Parse(id.AsSpan(id.IndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture),
                entry[TypeField].ToString(), entry[DataField].ToString());
        }

        return events;
    }

    public async Task WaitAsync(string stream, long after, TimeSpan timeout, CancellationToken cancellation)
    {
        var woken = _waiting.GetOrAdd(stream, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // Registered before looking, so an append between the caller's read and this wait is never missed.
        if (await _redis.GetDatabase().StreamLengthAsync(stream).ConfigureAwait(false) > after)
            return;
        var limit = timeout < _options.PollInterval ? timeout : _options.PollInterval;
        try
        {
            await woken.Task.WaitAsync(limit, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Read again: a notification can be lost while the subscription reconnects.
        }
    }

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(Appended);

    private void Wake(string stream)
    {
        if (_waiting.TryRemove(stream, out var woken))
            woken.TrySetResult();
    }

    /// <summary>Entries strictly after event <paramref name="after"/> (an exclusive range start).</summary>
    private static string After(long after) => after <= 0 ? "-" : $"(0-{after}";
}
