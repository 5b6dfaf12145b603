using Cluster.GrainInterfaces.Chat;

namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>A written answer, for clients that asked without streaming.</summary>
public sealed record AnsweredMessage(string SessionId, string MessageId, string Question, string Answer, IReadOnlyList<ChatReference> References,
    ChatMessageStatus Status, string? Answerer, ChatUsage? Usage, double? LatencyMs)
{
    public AnsweredMessage(string sessionId, ChatMessage message)
        : this(sessionId, message.Id, message.Question, message.Answer, message.References, message.Status, message.Answerer, message.Usage, message.LatencyMs)
    {
    }
}
