namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A stored chunk with what a search index needs of its document.</summary>
public sealed record IndexedChunk(
    string DocumentId,
    string? ExternalId,
    string Title,
    IReadOnlyDictionary<string, string> Metadata,
    ChunkRecord Chunk);
