using Cluster.GrainInterfaces.Chat;

namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>A written answer, for clients that asked without streaming; <c>Id</c> is the message's.</summary>
public sealed record AnsweredMessage(string Id, string SessionId, string Question, string Answer, IReadOnlyList<ChatReference> References,
    ChatMessageStatus Status, string? Answerer, ChatUsage? Usage, double? LatencyMs)
{
    public AnsweredMessage(string sessionId, ChatMessage message)
        : this(message.Id, sessionId, message.Question, message.Answer, message.References, message.Status, message.Answerer, message.Usage, message.LatencyMs)
    {
    }
}
