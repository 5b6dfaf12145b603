using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>A message whose answer is being written; its events are at the message's event stream.</summary>
[GenerateSerializer]
[Alias("Chat.ChatMessageStarted")]
[Immutable]
public sealed record ChatMessageStarted([property: Id(0)] string SessionId, [property: Id(1)] string MessageId);
