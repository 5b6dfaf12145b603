using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The body of <c>POST /api/v1/knowledge-bases</c>.</summary>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeBaseSpec")]
[Immutable]
public sealed record KnowledgeBaseSpec(
    string? Name,
    string? Description = null,
    ChunkingOptions? Chunking = null,
    EmbeddingSettings? Embedding = null,
    SearchWeights? Weights = null)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <summary>Checks every field and fills in the defaults.</summary>
    /// <exception cref="KnowledgeValidationException">naming the offending field.</exception>
    public KnowledgeBaseSpec Validate() => new(
        ValidName(Name),
        ValidDescription(Description),
        (Chunking ?? ChunkingOptions.Default).Validate("chunking"),
        (Embedding ?? EmbeddingSettings.Default).Validate("embedding"),
        (Weights ?? SearchWeights.Default).Validate("weights"));

    internal static string ValidName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength
            ? throw new KnowledgeValidationException("name", $"is required: 1 to {MaxNameLength} characters, not only spaces.")
            : KnowledgeText.Storable(name, "name")!;

    internal static string? ValidDescription(string? description) =>
        description is { Length: > MaxDescriptionLength }
            ? throw new KnowledgeValidationException("description", $"must be at most {MaxDescriptionLength} characters.")
            : KnowledgeText.Storable(description, "description");
}
