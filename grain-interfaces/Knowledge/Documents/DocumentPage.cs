using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>One page of a knowledge base's documents, oldest first; <see cref="Next"/> continues after it.</summary>
/// <param name="Next">The cursor of the next page, or null on the last.</param>
[GenerateSerializer]
[Alias("Knowledge.DocumentPage")]
[Immutable]
public sealed record DocumentPage(IReadOnlyList<DocumentView> Documents, string? Next);
