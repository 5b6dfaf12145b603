using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A stored document, without its content.</summary>
public sealed record DocumentRecord(
    string Id,
    string KnowledgeBaseId,
    string? ExternalId,
    string Title,
    DocumentStatus Status,
    string? Error,
    string ContentHash,
    long Bytes,
    IReadOnlyDictionary<string, string> Metadata,
    int ChunkCount,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public DocumentView ToView() => new(Id, ExternalId, Title, Status, Error, ChunkCount, Bytes, Metadata, CreatedAt, UpdatedAt);
}
