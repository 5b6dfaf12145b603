namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>Settings of section "Cluster:Tenants" (env Cluster__Tenants__…), checked when the silo starts.</summary>
public sealed class TenantOptions
{
    public const string Section = "Cluster:Tenants";

    /// <summary>The largest quota a tenant may be given: 1 PiB, far beyond one cluster, yet safe from overflow when added to.</summary>
    public const long MaxStorageQuotaBytes = 1L << 50;

    /// <summary>The storage quota of a tenant created without one: 1 GiB.</summary>
    public long DefaultStorageQuotaBytes { get; set; } = 1L << 30;

    /// <summary>The problem with these settings, or null when they are usable.</summary>
    public string? Problem() =>
        DefaultStorageQuotaBytes is < 0 or > MaxStorageQuotaBytes
            ? $"{Section}:DefaultStorageQuotaBytes must be between 0 and {MaxStorageQuotaBytes} (got {DefaultStorageQuotaBytes})"
            : null;
}
