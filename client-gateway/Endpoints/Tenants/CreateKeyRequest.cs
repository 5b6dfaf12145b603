using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Gateway.Endpoints.Tenants;

/// <summary>The body of <c>POST /api/v1/tenants/{id}/keys</c>: without knowledgeBaseIds the key reaches all of them; without expiresAt it never expires.</summary>
public sealed record CreateKeyRequest(IReadOnlyList<TenantCapability>? Capabilities, IReadOnlyList<string>? KnowledgeBaseIds, DateTimeOffset? ExpiresAt);
