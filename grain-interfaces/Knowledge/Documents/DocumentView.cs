using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>A document as the API shows it.</summary>
/// <param name="Bytes">The size charged to the tenant's storage quota.</param>
[GenerateSerializer]
[Alias("Knowledge.DocumentView")]
[Immutable]
public sealed record DocumentView(
    string Id,
    string? ExternalId,
    string Title,
    DocumentStatus Status,
    string? Error,
    int ChunkCount,
    long Bytes,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
