using Cluster.GrainInterfaces.Chat;
using Cluster.Grains.Chat.Streams;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>
/// How an answer ended: what the session stores of it, and the event that ends its stream, which the session appends
/// only once the message is stored, so a reader that sees the end can read the stored message.
/// </summary>
public sealed record AnswerOutcome(
    string MessageId,
    string Answer,
    IReadOnlyList<ChatReference> References,
    ChatMessageStatus Status,
    string? Answerer,
    ChatUsage? Usage,
    double LatencyMs,
    double? FirstDeltaMs,
    string? Error)
{
    /// <summary>Appends done (answered or stopped) or error (failed).</summary>
    public Task EndStreamAsync(ChatEventWriter events) => Status == ChatMessageStatus.Failed
        ? events.AppendAsync(ChatEvent.Error, new ErrorPayload(MessageId, Error ?? "The answer failed."))
        : events.AppendAsync(ChatEvent.Done, new DonePayload(MessageId, Status, Answerer ?? "none", Usage!, LatencyMs, FirstDeltaMs));
}
