using Cluster.Grains.Chat.Streams;
using Cluster.Tests.Integration;
using StackExchange.Redis;
using Xunit;

namespace Cluster.Tests.Chat;

/// <summary>Answers' event streams in a real Redis server.</summary>
public sealed class RedisChatEventStoreTests
{
    [Fact]
    public async Task Events_are_read_back_in_order_after_any_id_and_the_stream_expires()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Endpoint);
        using var store = new RedisChatEventStore(redis, new ChatStreamOptions { EventTtl = TimeSpan.FromMinutes(5) });
        var stream = IChatEventStore.StreamOf(Guid.NewGuid().ToString("N"), "m");
        var written = Enumerable.Range(1, 12).Select(i => new ChatEvent(i, i == 12 ? ChatEvent.Done : ChatEvent.Delta, $$"""{"text":"t{{i}}"}""")).ToList();
        foreach (var chatEvent in written)
            await store.AppendAsync(stream, chatEvent);

        for (var after = 0; after <= written.Count; after++)
            Assert.Equal(written.Skip(after), await store.ReadAfterAsync(stream, after, 100));
        Assert.Equal(written.Take(5), await store.ReadAfterAsync(stream, 0, 5));
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(stream);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_as_soon_as_an_event_is_appended()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Endpoint);
        using var store = new RedisChatEventStore(redis, new ChatStreamOptions { PollInterval = TimeSpan.FromSeconds(30) });
        var stream = IChatEventStore.StreamOf(Guid.NewGuid().ToString("N"), "m");
        var waiting = store.WaitAsync(stream, 0, TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        var started = System.Diagnostics.Stopwatch.StartNew();
        await store.AppendAsync(stream, new ChatEvent(1, ChatEvent.Delta, "{}"));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"woke after {started.Elapsed}");
    }
}
