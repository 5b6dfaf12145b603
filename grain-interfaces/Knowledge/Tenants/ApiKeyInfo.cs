using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>A key as listed: everything but its secret. <see cref="Prefix"/> (<c>sk-&lt;id&gt;</c>) tells keys apart.</summary>
[GenerateSerializer]
[Alias("Knowledge.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Prefix,
    [property: Id(2)] IReadOnlyList<TenantCapability> Capabilities,
    [property: Id(3)] IReadOnlyList<string>? KnowledgeBaseIds,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] DateTimeOffset? RevokedAt);
