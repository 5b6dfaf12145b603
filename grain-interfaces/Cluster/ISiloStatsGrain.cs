using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Cluster;

/// <summary>One per silo (keyed by silo id): that silo's activations and call statistics.</summary>
public interface ISiloStatsGrain : IGrainWithStringKey
{
    Task<SiloStats> GetAsync();
}

[Immutable]
public sealed record SiloStats(string SiloId, IReadOnlyDictionary<string, int> Activations, IReadOnlyList<MethodStats> Methods);

/// <summary>Calls of one grain method on one silo, with its latency histogram's buckets so silos can be merged.</summary>
[Immutable]
public sealed record MethodStats(string GrainType, string Method, long Calls, long Errors, IReadOnlyList<long> LatencyBuckets, long LatencySumMicros);
