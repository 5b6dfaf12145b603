using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>One chunk found by a search.</summary>
/// <param name="ChunkId">The chunk's id, stable while its document is unchanged.</param>
/// <param name="DocumentId">The document the chunk belongs to.</param>
/// <param name="ExternalId">The document's id in the caller's system, if it gave one.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Text">The chunk's text.</param>
/// <param name="Score">The score of the search's mode; higher is better.</param>
/// <param name="HeadingPath">The headings above the chunk, outermost first.</param>
/// <param name="Position">The chunk's index within its document, from 0.</param>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeSearchHit")]
[Immutable]
public sealed record KnowledgeSearchHit(
    string ChunkId,
    string DocumentId,
    string? ExternalId,
    string Title,
    string Text,
    double Score,
    IReadOnlyList<string> HeadingPath,
    int Position);
