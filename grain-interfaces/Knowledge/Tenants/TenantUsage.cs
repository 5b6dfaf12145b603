using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>Stored bytes against the tenant's quota; used never exceeds quota.</summary>
[GenerateSerializer]
[Alias("Knowledge.TenantUsage")]
public sealed record TenantUsage(
    [property: Id(0)] long StorageQuotaBytes,
    [property: Id(1)] long StorageUsedBytes)
{
    public long StorageFreeBytes => StorageQuotaBytes - StorageUsedBytes;
}
