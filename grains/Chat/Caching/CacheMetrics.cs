using System.Diagnostics.Metrics;
using Cluster.Grains.Cluster;

namespace Cluster.Grains.Chat.Caching;

/// <summary>Hits and misses of the cache, tagged with the tier that answered (redis or memory) and the kind of entry.</summary>
public static class CacheMetrics
{
    public static readonly Counter<long> Hits = ClusterTelemetry.Meter.CreateCounter<long>("chat.cache.hits", "{lookup}", "Cache lookups that found an entry");

    public static readonly Counter<long> Misses = ClusterTelemetry.Meter.CreateCounter<long>("chat.cache.misses", "{lookup}", "Cache lookups that found none");

    public static readonly Counter<long> Fallbacks = ClusterTelemetry.Meter.CreateCounter<long>("chat.cache.fallbacks", "{operation}", "Operations the memory tier served because Redis failed");
}
