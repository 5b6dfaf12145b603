using Orleans;

namespace Cluster.GrainInterfaces.Cluster;

/// <summary>One per silo (keyed by the silo's address): that silo's name, roles, view of membership and call statistics.</summary>
[Alias("Cluster.ISiloStatsGrain")]
public interface ISiloStatsGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<SiloStats> GetAsync();
}

[GenerateSerializer]
[Alias("Cluster.SiloStats")]
[Immutable]
public sealed record SiloStats(string SiloName, IReadOnlyList<string> Roles, long MembershipVersion, IReadOnlyList<MethodStats> Methods);

/// <summary>Calls of one grain method on one silo, with its latency histogram's buckets so silos can be merged.</summary>
[GenerateSerializer]
[Alias("Cluster.MethodStats")]
[Immutable]
public sealed record MethodStats(string GrainType, string Method, long Calls, long Errors, IReadOnlyList<long> LatencyBuckets, long LatencySumMicros);
