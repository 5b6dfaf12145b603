using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>One question and its answer, with the passages the answer was given.</summary>
/// <param name="Answerer">"extractive" or "llm:&lt;backend&gt;": what wrote the answer.</param>
/// <param name="LatencyMs">From the question to the answer's end.</param>
[GenerateSerializer]
[Alias("Chat.ChatMessage")]
[Immutable]
public sealed record ChatMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] string Answer,
    [property: Id(3)] IReadOnlyList<ChatReference> References,
    [property: Id(4)] ChatMessageStatus Status,
    [property: Id(5)] string? Answerer,
    [property: Id(6)] ChatUsage? Usage,
    [property: Id(7)] DateTimeOffset AskedAt,
    [property: Id(8)] double? LatencyMs,
    [property: Id(9)] string? Error);
