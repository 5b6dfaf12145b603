namespace Cluster.Grains.Chat.Caching;

/// <summary>The retrieval cache: section "Cache".</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>A StackExchange.Redis configuration string (e.g. "127.0.0.1:6379"); unset: memory only.</summary>
    public string? Redis { get; set; }

    /// <summary>How long an entry is kept (default 10 minutes). Entries are keyed by knowledge-base version, so a change never serves a stale one.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Entries the in-memory fallback keeps, least recently used dropped first (default 10,000).</summary>
    public int MemoryEntries { get; set; } = 10_000;

    /// <summary>Longest a Redis operation may take before the memory tier answers instead (default 500 ms).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    internal void Validate()
    {
        if (Ttl <= TimeSpan.Zero)
            throw new ChatConfigurationException($"Cache:Ttl must be positive; it was {Ttl}.");
        if (MemoryEntries < 1)
            throw new ChatConfigurationException($"Cache:MemoryEntries must be at least 1; it was {MemoryEntries}.");
        if (OperationTimeout <= TimeSpan.Zero)
            throw new ChatConfigurationException($"Cache:OperationTimeout must be positive; it was {OperationTimeout}.");
    }
}
