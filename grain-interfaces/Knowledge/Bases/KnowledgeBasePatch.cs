using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The body of <c>PATCH /api/v1/knowledge-bases/{kbId}</c>: the fields given replace the current ones.</summary>
/// <remarks>
/// New chunking settings apply to documents ingested or reprocessed afterwards. A new embedding model re-embeds every
/// chunk in the background; searches use the old vectors until all are done, then switch at once.
/// </remarks>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeBasePatch")]
[Immutable]
public sealed record KnowledgeBasePatch(
    string? Name = null,
    string? Description = null,
    ChunkingOptions? Chunking = null,
    EmbeddingSettings? Embedding = null,
    SearchWeights? Weights = null)
{
    /// <exception cref="KnowledgeValidationException">naming the offending field.</exception>
    public KnowledgeBasePatch Validate()
    {
        if (Name is not null)
            KnowledgeBaseSpec.ValidName(Name);
        KnowledgeBaseSpec.ValidDescription(Description);
        Chunking?.Validate("chunking");
        Embedding?.Validate("embedding");
        Weights?.Validate("weights");
        if (Name is null && Description is null && Chunking is null && Embedding is null && Weights is null)
            throw new KnowledgeValidationException("$", "name at least one field to change: name, description, chunking, embedding or weights.");
        return this;
    }
}
