namespace Cluster.Grains.Knowledge.Search;

/// <summary>One chunk as the index holds it: its text for keyword search, its embedding for vector search.</summary>
/// <param name="ChunkId">The chunk's id, unique within the knowledge base.</param>
/// <param name="DocumentId">The document it belongs to.</param>
/// <param name="ExternalId">The document's id in the caller's system, if any.</param>
/// <param name="Title">The document's title (searched with a boost).</param>
/// <param name="Text">The chunk's text.</param>
/// <param name="HeadingPath">The headings above the chunk, outermost first.</param>
/// <param name="Position">The chunk's index within its document.</param>
/// <param name="Metadata">The document's metadata, matched by search filters.</param>
/// <param name="Vector">The chunk's embedding; the index normalises it.</param>
public sealed record IndexedChunk(
    string ChunkId,
    string DocumentId,
    string? ExternalId,
    string Title,
    string Text,
    IReadOnlyList<string> HeadingPath,
    int Position,
    IReadOnlyDictionary<string, string> Metadata,
    float[] Vector);
