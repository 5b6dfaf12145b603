using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>
/// Token counts of one answer. <see cref="Counted"/> says how: "backend" when the model backend reported them,
/// "words" when counted as whitespace-separated words (the extractive answerer, or a backend that reported none).
/// </summary>
[GenerateSerializer]
[Alias("Chat.ChatUsage")]
[Immutable]
public sealed record ChatUsage([property: Id(0)] long PromptTokens, [property: Id(1)] long CompletionTokens, [property: Id(2)] string Counted);
