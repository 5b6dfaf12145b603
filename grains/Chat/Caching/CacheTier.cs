namespace Cluster.Grains.Chat.Caching;

/// <summary>Which store answers cache operations.</summary>
public enum CacheTier
{
    Redis,
    Memory,
}
