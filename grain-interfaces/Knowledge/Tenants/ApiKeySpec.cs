using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>
/// What a new key may do: its capabilities, the knowledge bases it may reach (null: all of the tenant's) and when it
/// stops working (null: never).
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.ApiKeySpec")]
public sealed record ApiKeySpec
{
    [Id(0)]
    public required IReadOnlyList<TenantCapability> Capabilities { get; init; }

    [Id(1)]
    public IReadOnlyList<string>? KnowledgeBaseIds { get; init; }

    [Id(2)]
    public DateTimeOffset? ExpiresAt { get; init; }
}
