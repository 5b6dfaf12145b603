using System.Diagnostics;
using StackExchange.Redis;

namespace Cluster.Grains.Chat.Caching;

/// <summary>
/// Redis when it is configured and connected, else an in-memory LRU. StackExchange.Redis reconnects by itself, so
/// the cache goes back to Redis as soon as the connection is back; an operation that fails or outlasts
/// <see cref="CacheOptions.OperationTimeout"/> is served by memory. Keys carry everything that makes an entry valid
/// (the knowledge-base version among them), so switching tiers can cost misses but never serve a stale entry.
/// </summary>
public sealed class TieredCache : IDisposable
{
    private readonly CacheOptions _options;
    private readonly LruCache _memory;
    private readonly ConnectionMultiplexer? _redis;

    public TieredCache(CacheOptions options, TimeProvider clock)
    {
        options.Validate();
        _options = options;
        _memory = new LruCache(options.MemoryEntries, clock);
        if (string.IsNullOrWhiteSpace(options.Redis))
            return;
        var configuration = ConfigurationOptions.Parse(options.Redis);
        // Start with Redis down as well as up: the memory tier serves until it connects.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)Math.Max(options.OperationTimeout.TotalMilliseconds, 1000);
        configuration.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        _redis = ConnectionMultiplexer.Connect(configuration);
    }

    public CacheTier Tier => _redis is { IsConnected: true } ? CacheTier.Redis : CacheTier.Memory;

    public async Task<byte[]?> GetAsync(string key, string kind)
    {
        byte[]? value = null;
        var tier = Tier;
        if (tier == CacheTier.Redis && await TryRedisAsync(db => db.StringGetAsync(key)).ConfigureAwait(false) is { } found)
            value = found.IsNull ? null : (byte[]?)found;
        else
            (value, tier) = (_memory.Get(key), CacheTier.Memory);

        var tags = Tags(tier, kind);
        (value is null ? CacheMetrics.Misses : CacheMetrics.Hits).Add(1, tags);
        return value;
    }

    public async Task SetAsync(string key, byte[] value)
    {
        if (Tier == CacheTier.Redis && await TryRedisAsync(async db => (RedisValue)await db.StringSetAsync(key, value, _options.Ttl).ConfigureAwait(false)).ConfigureAwait(false) is not null)
            return;
        _memory.Set(key, value, _options.Ttl);
    }

    public void Dispose() => _redis?.Dispose();

    /// <summary>The Redis answer, or null when Redis failed (and memory should serve).</summary>
    private async Task<RedisValue?> TryRedisAsync(Func<IDatabase, Task<RedisValue>> operation)
    {
        try
        {
            return await operation(_redis!.GetDatabase()).WaitAsync(_options.OperationTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            CacheMetrics.Fallbacks.Add(1);
            return null;
        }
    }

    private static TagList Tags(CacheTier tier, string kind) => new()
    {
        { "tier", tier == CacheTier.Redis ? "redis" : "memory" },
        { "kind", kind },
    };
}
