namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>The answer to creating a session.</summary>
public sealed record CreatedSession(string Id, string KnowledgeBaseId, DateTimeOffset CreatedAt);
