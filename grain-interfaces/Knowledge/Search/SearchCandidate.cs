using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>One chunk a shard proposes for a search, with its raw score in one mode and its embedding for de-duplication.</summary>
/// <param name="ChunkId">The chunk's id.</param>
/// <param name="DocumentId">The document the chunk belongs to.</param>
/// <param name="ExternalId">The document's id in the caller's system, if it gave one.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Text">The chunk's text.</param>
/// <param name="HeadingPath">The headings above the chunk, outermost first.</param>
/// <param name="Position">The chunk's index within its document.</param>
/// <param name="Score">The raw score of the mode that proposed it: BM25 for keyword, cosine similarity for vector.</param>
/// <param name="Vector">The chunk's L2-normalised embedding.</param>
[GenerateSerializer]
[Alias("Knowledge.SearchCandidate")]
[Immutable]
public sealed record SearchCandidate(
    string ChunkId,
    string DocumentId,
    string? ExternalId,
    string Title,
    string Text,
    IReadOnlyList<string> HeadingPath,
    int Position,
    double Score,
    float[] Vector);
