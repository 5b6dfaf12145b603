using Cluster.GrainInterfaces.Chat;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>How an answer ended: what the session stores of it.</summary>
public sealed record AnswerOutcome(
    string Answer,
    IReadOnlyList<ChatReference> References,
    ChatMessageStatus Status,
    string? Answerer,
    ChatUsage? Usage,
    double LatencyMs,
    string? Error);
