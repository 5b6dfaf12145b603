using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>
/// One API key, keyed by the key id embedded in the key (<c>sk-&lt;keyId&gt;_&lt;secret&gt;</c>), so that a key finds
/// its tenant with one call and no scan. It holds the SHA-256 of the whole key, never the key. Written only by its
/// <see cref="ITenantGrain"/>.
/// </summary>
[Alias("Knowledge.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>
    /// The key's grant when <paramref name="keyHash"/> (SHA-256 of the presented key) matches and the key is neither
    /// revoked nor expired and its tenant is active; otherwise null, whatever the reason, so a guesser learns nothing.
    /// </summary>
    [ReadOnly]
    [Alias("ResolveAsync")]
    Task<ApiKeyGrant?> ResolveAsync(byte[] keyHash);

    /// <summary>Stores the key's grant and hash; registering the same key again changes nothing.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(ApiKeyGrant grant, byte[] keyHash, TenantStatus tenantStatus);

    /// <summary>Refuses the key from now on; answers when it was revoked.</summary>
    [Alias("RevokeAsync")]
    Task<DateTimeOffset> RevokeAsync();

    [Alias("SetTenantStatusAsync")]
    Task SetTenantStatusAsync(TenantStatus status);
}
