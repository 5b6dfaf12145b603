using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>Storing <see cref="RequestedBytes"/> more would take the tenant past its quota; nothing was reserved.</summary>
[GenerateSerializer]
[Alias("Knowledge.StorageQuotaExceededException")]
public sealed class StorageQuotaExceededException(string tenantId, long requestedBytes, TenantUsage usage)
    : Exception($"Tenant '{tenantId}' has {usage.StorageFreeBytes} of {usage.StorageQuotaBytes} bytes of storage free, and this needs {requestedBytes}; delete documents or ask for a larger quota.")
{
    [Id(0)]
    public long RequestedBytes { get; } = requestedBytes;

    [Id(1)]
    public TenantUsage Usage { get; } = usage;
}
