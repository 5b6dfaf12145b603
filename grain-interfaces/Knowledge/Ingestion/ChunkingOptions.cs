using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Ingestion;

/// <summary>
/// How documents are cut into chunks, in characters of normalised text. Characters rather than tokens keep chunking
/// independent of the embedder's tokenizer; the default of 800 characters with 100 of overlap fits the 256 word-piece
/// limit of all-MiniLM-L6-v2 with room to spare: English prose averages about 4–5 characters per word piece, so 800
/// characters is about 160–200 pieces, and even dense text at 3.2 characters per piece stays within 256.
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.ChunkingOptions")]
public sealed record ChunkingOptions
{
    public const int DefaultSize = 800;
    public const int DefaultOverlap = 100;
    public const int MinSize = 64;

    /// <summary>Large enough for embedders with an 8,192-token window, small enough that one chunk stays a passage.</summary>
    public const int MaxSize = 16_000;

    public static ChunkingOptions Default { get; } = new();

    /// <summary>Most characters in one chunk.</summary>
    [Id(0)]
    public int Size { get; init; } = DefaultSize;

    /// <summary>Most characters a chunk repeats from the end of the one before it, so a passage cut in two is whole in one.</summary>
    [Id(1)]
    public int Overlap { get; init; } = DefaultOverlap;

    /// <summary>Throws <see cref="ChunkingOptionsException"/> naming the option out of bounds; <paramref name="prefix"/> is the options' field name.</summary>
    public ChunkingOptions Validate(string prefix = "chunking")
    {
        if (Size is < MinSize or > MaxSize)
            throw new ChunkingOptionsException($"{prefix}.size", $"{prefix}.size must be between {MinSize} and {MaxSize} characters (got {Size})");
        // Overlap at most half the size: each chunk then brings at least half a chunk of new text, which bounds the
        // number of chunks (and embeddings) a document costs at about twice its length divided by the size.
        if (Overlap < 0 || Overlap > Size / 2)
            throw new ChunkingOptionsException($"{prefix}.overlap", $"{prefix}.overlap must be between 0 and half of {prefix}.size ({Size / 2}) characters (got {Overlap})");
        return this;
    }
}
