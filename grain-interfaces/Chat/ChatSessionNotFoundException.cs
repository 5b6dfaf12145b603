using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>No session (or message) with this id exists for the caller's tenant (HTTP 404).</summary>
[GenerateSerializer]
[Alias("Chat.ChatSessionNotFoundException")]
public sealed class ChatSessionNotFoundException : KeyNotFoundException
{
    public ChatSessionNotFoundException(string message)
        : base(message)
    {
    }

    public static ChatSessionNotFoundException ForSession(string sessionId) =>
        new($"There is no chat session '{sessionId}'; create one with POST /api/v1/knowledge-bases/{{kbId}}/sessions.");

    public static ChatSessionNotFoundException ForMessage(string sessionId, string messageId) =>
        new($"Chat session '{sessionId}' has no message '{messageId}'.");
}
