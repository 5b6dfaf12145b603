using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>A session and its kept messages, oldest first.</summary>
[GenerateSerializer]
[Alias("Chat.ChatSessionView")]
[Immutable]
public sealed record ChatSessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string KnowledgeBaseId,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] IReadOnlyList<ChatMessage> Messages);
