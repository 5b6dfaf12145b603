using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// One part of a large knowledge base's index: the chunks of the documents the partition assigns it, under one
/// embedding model. Keyed <c>{knowledgeBaseId}/{shard}/{shardCount}/{modelId}</c>; the knowledge base's grain fans
/// searches out to its shards and merges their candidates.
/// </summary>
[Alias("Knowledge.IKnowledgeShardGrain")]
public interface IKnowledgeShardGrain : IGrainWithStringKey
{
    [Alias("FindCandidatesAsync")]
    Task<ShardCandidates> FindCandidatesAsync(ShardSearchRequest request);

    /// <summary>Takes the document's current chunks from storage, or drops it when it has none.</summary>
    [Alias("RefreshDocumentAsync")]
    Task RefreshDocumentAsync(string documentId);

    [Alias("GetNeighboursAsync")]
    Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius);
}
