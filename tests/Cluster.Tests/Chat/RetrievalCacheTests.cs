using Cluster.Grains.Chat.Caching;
using Cluster.Grains.Chat.Retrieval;
using Cluster.Tests.Integration;
using Xunit;

namespace Cluster.Tests.Chat;

/// <summary>The retrieval cache on a real Redis server, and its memory fallback while that server is down.</summary>
public sealed class RetrievalCacheTests
{
    private const string Question = "How many days of paid leave do new employees receive?";

    [Fact]
    public async Task A_repeated_question_is_answered_from_redis_without_searching_again()
    {
        using var cache = new TieredCache(new CacheOptions { Redis = RedisServer.Endpoint }, TimeProvider.System);
        var retriever = new PassageRetriever(new RetrievalOptions(), new RetrievalCache(cache));
        var handbook = new HandbookPassages { Version = Random.Shared.NextInt64(1, long.MaxValue) };

        var first = await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        var second = await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);

        Assert.Equal(CacheTier.Redis, cache.Tier);
        Assert.Equal(1, handbook.Searches);
        Assert.Equal(first.Select(r => r.Text), second.Select(r => r.Text));
    }

    [Fact]
    public async Task A_knowledge_base_whose_version_moved_is_searched_again_and_never_answered_from_the_older_entry()
    {
        using var cache = new TieredCache(new CacheOptions { Redis = RedisServer.Endpoint }, TimeProvider.System);
        var retriever = new PassageRetriever(new RetrievalOptions { NeighbourRadius = 0 }, new RetrievalCache(cache));
        var handbook = new HandbookPassages { Version = Random.Shared.NextInt64(1, long.MaxValue - 1) };
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);

        handbook.Replace("leave", 1, "New employees receive 22 days of paid leave in their first year.");
        handbook.Version++;
        var after = await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);

        Assert.Equal(2, handbook.Searches);
        Assert.Contains(after, r => r.Text.Contains("22 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cache_falls_back_to_memory_while_redis_is_down_and_returns_to_redis_when_it_is_back()
    {
        await using var redis = await ScriptedRedis.StartAsync();
        using var cache = new TieredCache(new CacheOptions { Redis = redis.Endpoint }, TimeProvider.System);
        var retriever = new PassageRetriever(new RetrievalOptions(), new RetrievalCache(cache));
        var handbook = new HandbookPassages();
        await WaitForAsync(() => cache.Tier == CacheTier.Redis);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);

        await redis.StopAsync();
        await WaitForAsync(() => cache.Tier == CacheTier.Memory);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        // Memory started empty: one search while Redis is down, then the memory entry answers.
        Assert.Equal(2, handbook.Searches);

        await redis.StartAgainAsync();
        await WaitForAsync(() => cache.Tier == CacheTier.Redis);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        // The restarted Redis is empty (no persistence): one search fills it, then Redis answers.
        Assert.Equal(3, handbook.Searches);
    }

    [Fact]
    public async Task Without_redis_configured_the_memory_tier_caches_and_drops_the_least_recently_used_entry()
    {
        using var cache = new TieredCache(new CacheOptions { MemoryEntries = 1 }, TimeProvider.System);
        var retriever = new PassageRetriever(new RetrievalOptions(), new RetrievalCache(cache));
        var handbook = new HandbookPassages();

        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);
        await retriever.RetrieveAsync(handbook, "hotel costs", 3, CancellationToken.None);
        await retriever.RetrieveAsync(handbook, Question, 3, CancellationToken.None);

        Assert.Equal(CacheTier.Memory, cache.Tier);
        Assert.Equal(3, handbook.Searches);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the cache did not change tier within 15 s");
            await Task.Delay(50);
        }
    }
}
