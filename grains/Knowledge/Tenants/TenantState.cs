using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>A tenant as stored; <see cref="Name"/> is null until the tenant is created. Keys are kept without secrets or hashes.</summary>
public sealed class TenantState
{
    public string? Name { get; set; }

    public TenantStatus Status { get; set; }

    public long StorageQuotaBytes { get; set; }

    public long StorageUsedBytes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ApiKeyInfo> Keys { get; set; } = [];
}
