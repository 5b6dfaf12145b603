using Cluster.GrainInterfaces.Chat;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>A session as stored: its owner, its knowledge base and its kept messages, oldest first.</summary>
public sealed class ChatSessionState
{
    public string? TenantId { get; set; }

    public string? KnowledgeBaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ChatMessage> Messages { get; set; } = [];

    public bool Exists => KnowledgeBaseId is not null;
}
