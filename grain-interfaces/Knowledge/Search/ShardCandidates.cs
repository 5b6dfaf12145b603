using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// What one shard of a knowledge base found: its best keyword and best vector candidates, each list best first.
/// The merger fuses the lists of all shards as if they came from one index.
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.ShardCandidates")]
[Immutable]
public sealed record ShardCandidates(
    IReadOnlyList<SearchCandidate> Keyword,
    IReadOnlyList<SearchCandidate> Vector);
