using Cluster.Grains.Knowledge.Ingestion;
namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A validated, parsed document to store as pending.</summary>
/// <param name="Original">The uploaded file when it is kept (within the size limit), else null.</param>
public sealed record NewDocument(
    string Id,
    string KnowledgeBaseId,
    string? ExternalId,
    string Title,
    string ContentHash,
    long Bytes,
    string? FileName,
    string? ContentType,
    SourceFormat Format,
    byte[]? Original,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyDictionary<string, string> Metadata);
