using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>What a valid key lets its caller do: act for <see cref="TenantId"/> with these capabilities on these knowledge bases (null: all).</summary>
[GenerateSerializer]
[Alias("Knowledge.ApiKeyGrant")]
public sealed record ApiKeyGrant(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] IReadOnlyList<TenantCapability> Capabilities,
    [property: Id(3)] IReadOnlyList<string>? KnowledgeBaseIds,
    [property: Id(4)] DateTimeOffset? ExpiresAt)
{
    public bool Has(TenantCapability capability)
    {
        foreach (var held in Capabilities)
        {
            if (held == capability)
                return true;
        }

        return false;
    }

    /// <summary>Whether the key may reach the knowledge base: every one of its tenant's when it names none.</summary>
    public bool CanReach(string knowledgeBaseId)
    {
        if (KnowledgeBaseIds is null)
            return true;
        foreach (var id in KnowledgeBaseIds)
        {
            if (string.Equals(id, knowledgeBaseId, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
