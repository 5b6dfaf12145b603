using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>A passage sent to the answerer; the answer cites it as <c>[Number]</c>.</summary>
/// <param name="Number">The citation number, from 1.</param>
/// <param name="ChunkIds">The chunks merged into the passage, in document order.</param>
[GenerateSerializer]
[Alias("Chat.ChatReference")]
[Immutable]
public sealed record ChatReference(
    [property: Id(0)] int Number,
    [property: Id(1)] string DocumentId,
    [property: Id(2)] string? ExternalId,
    [property: Id(3)] string Title,
    [property: Id(4)] IReadOnlyList<string> HeadingPath,
    [property: Id(5)] IReadOnlyList<string> ChunkIds,
    [property: Id(6)] string Text,
    [property: Id(7)] double Score);
