using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>A key as its lookup grain stores it: the grant, the SHA-256 of the key (never the key), and what disables it.</summary>
public sealed class ApiKeyState
{
    public ApiKeyGrant? Grant { get; set; }

    public byte[] KeyHash { get; set; } = [];

    public DateTimeOffset? RevokedAt { get; set; }

    public TenantStatus TenantStatus { get; set; }
}
