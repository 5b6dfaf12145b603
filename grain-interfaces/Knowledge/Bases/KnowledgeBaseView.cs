using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>A knowledge base as the API shows it.</summary>
/// <param name="Version">Moves whenever search results could change.</param>
/// <param name="EmbeddingModel">The model whose vectors searches use now; differs from <paramref name="Embedding"/>'s while re-embedding.</param>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeBaseView")]
[Immutable]
public sealed record KnowledgeBaseView(
    string Id,
    string Name,
    string? Description,
    ChunkingOptions Chunking,
    EmbeddingSettings Embedding,
    SearchWeights Weights,
    string EmbeddingModel,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
