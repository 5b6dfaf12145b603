using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Gateway.Security;

/// <summary>
/// Who called a tenant endpoint, as <see cref="TenantKeyFilter"/> found from the key: the tenant and its key's grant,
/// or the admin (no tenant, every capability, every knowledge base).
/// </summary>
public sealed class TenantCaller
{
    private static readonly object ItemKey = new();

    private readonly ApiKeyGrant? _grant;

    private TenantCaller(ApiKeyGrant? grant) => _grant = grant;

    public static TenantCaller Admin { get; } = new(null);

    public bool IsAdmin => _grant is null;

    /// <summary>The caller's tenant; null for the admin.</summary>
    public string? TenantId => _grant?.TenantId;

    /// <summary>The knowledge bases the key may reach; null: all of its tenant's.</summary>
    public IReadOnlyList<string>? KnowledgeBaseIds => _grant?.KnowledgeBaseIds;

    /// <summary>The caller of an endpoint that requires a tenant capability.</summary>
    /// <exception cref="InvalidOperationException">the endpoint has no <c>RequireTenantCapability</c>.</exception>
    public static TenantCaller From(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var caller) && caller is TenantCaller found
            ? found
            : throw new InvalidOperationException("This endpoint has no tenant caller: add RequireTenantCapability(...) to it or its group.");

    internal static TenantCaller For(ApiKeyGrant grant) => new(grant);

    internal void AttachTo(HttpContext http) => http.Items[ItemKey] = this;

    public bool Has(TenantCapability capability) => _grant is null || _grant.Has(capability);

    public bool CanReach(string knowledgeBaseId) => _grant is null || _grant.CanReach(knowledgeBaseId);

    /// <summary>
    /// The tenant id the caller may address: its own, or any for the admin. Another tenant's id is answered as not
    /// found, so a key never learns whether another tenant exists.
    /// </summary>
    public string Tenant(string tenantId) =>
        _grant is null || string.Equals(_grant.TenantId, tenantId, StringComparison.Ordinal) ? tenantId : throw new TenantNotFoundException(tenantId);
}
