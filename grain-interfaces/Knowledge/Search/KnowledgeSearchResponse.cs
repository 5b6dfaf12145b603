using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The chunks a search found, best first, and the knowledge-base version they were found in.</summary>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeSearchResponse")]
[Immutable]
public sealed record KnowledgeSearchResponse(
    IReadOnlyList<KnowledgeSearchHit> Results,
    long Version);
