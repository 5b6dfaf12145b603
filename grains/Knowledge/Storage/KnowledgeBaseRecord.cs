using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A stored knowledge base.</summary>
/// <param name="Embedding">The embedding settings asked for; while re-embedding they make the target model's embedder.</param>
/// <param name="ActiveModel">The embedding model whose vectors searches use.</param>
/// <param name="ActiveEmbedding">The settings that make the active model's embedder.</param>
/// <param name="TargetModel">The model being filled in by a re-embedding, or null when none runs.</param>
public sealed record KnowledgeBaseRecord(
    string Id,
    string TenantId,
    string Name,
    string? Description,
    ChunkingOptions Chunking,
    EmbeddingSettings Embedding,
    SearchWeights Weights,
    string ActiveModel,
    EmbeddingSettings ActiveEmbedding,
    string? TargetModel,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public KnowledgeBaseView ToView() =>
        new(Id, Name, Description, Chunking, Embedding, Weights, ActiveModel, Version, CreatedAt, UpdatedAt);
}
