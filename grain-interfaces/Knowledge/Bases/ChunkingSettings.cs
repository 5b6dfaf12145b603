using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>How a knowledge base splits its documents: chunks of at most <paramref name="Size"/> characters, each repeating the last <paramref name="Overlap"/> of the one before.</summary>
[GenerateSerializer]
[Alias("Knowledge.ChunkingSettings")]
[Immutable]
public sealed record ChunkingSettings(int Size, int Overlap)
{
    public const int MinSize = 100;
    public const int MaxSize = 8000;

    /// <summary>
    /// About 200 word pieces of English prose: it stays within MiniLM's 256-token input with room for the title, so
    /// no chunk's tail is cut off before it is embedded.
    /// </summary>
    public static ChunkingSettings Default { get; } = new(1000, 150);

    /// <exception cref="KnowledgeValidationException">naming <c>{field}.size</c> or <c>{field}.overlap</c>.</exception>
    public ChunkingSettings Validate(string field)
    {
        if (Size is < MinSize or > MaxSize)
            throw new KnowledgeValidationException($"{field}.size", $"must be between {MinSize} and {MaxSize} characters, not {Size}.");
        if (Overlap < 0 || Overlap >= Size / 2)
            throw new KnowledgeValidationException($"{field}.overlap", $"must be at least 0 and less than half the size ({Size / 2}), not {Overlap}.");
        return this;
    }
}
