using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>No tenant has this id (or the caller may not know of it, which reads the same).</summary>
[GenerateSerializer]
[Alias("Knowledge.TenantNotFoundException")]
public sealed class TenantNotFoundException(string tenantId)
    : KeyNotFoundException($"Tenant '{tenantId}' does not exist; tenant ids are issued by POST /api/v1/tenants.");
