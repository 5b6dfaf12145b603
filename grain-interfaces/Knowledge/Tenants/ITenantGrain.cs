using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>
/// One tenant, keyed by its id: name, status, storage quota and usage, and its API keys. Calls run one at a time, so
/// storage reservations are checked and counted in one turn: concurrent uploads can never take usage past the quota.
/// Every change is stored before the call returns.
/// </summary>
[Alias("Knowledge.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant with its first key (all capabilities); the quota defaults to the configured one.</summary>
    /// <exception cref="ConflictException">the tenant exists already.</exception>
    [Alias("CreateAsync")]
    Task<CreatedTenant> CreateAsync(string name, long? storageQuotaBytes);

    /// <exception cref="TenantNotFoundException"/>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<TenantInfo> GetAsync();

    /// <summary>Suspends or reactivates the tenant: a suspended tenant's keys are refused.</summary>
    [Alias("SetStatusAsync")]
    Task<TenantInfo> SetStatusAsync(TenantStatus status);

    /// <exception cref="TenantNotFoundException"/>
    [ReadOnly]
    [Alias("GetUsageAsync")]
    Task<TenantUsage> GetUsageAsync();

    /// <summary>Counts <paramref name="bytes"/> against the quota, or throws <see cref="StorageQuotaExceededException"/> and counts nothing.</summary>
    [Alias("ReserveStorageAsync")]
    Task<TenantUsage> ReserveStorageAsync(long bytes);

    /// <summary>Gives back bytes reserved before (a deleted document, a failed upload); usage never goes below zero.</summary>
    [Alias("ReleaseStorageAsync")]
    Task<TenantUsage> ReleaseStorageAsync(long bytes);

    /// <summary>Creates a key; the answer holds its plaintext, which is never stored or shown again.</summary>
    [Alias("CreateKeyAsync")]
    Task<CreatedApiKey> CreateKeyAsync(ApiKeySpec spec);

    /// <summary>Revokes a key: it is refused from the moment this returns. Revoking a revoked key changes nothing.</summary>
    /// <exception cref="ApiKeyNotFoundException"/>
    [Alias("RevokeKeyAsync")]
    Task RevokeKeyAsync(string keyId);

    /// <summary>The tenant's keys without their secrets, oldest first.</summary>
    [ReadOnly]
    [Alias("ListKeysAsync")]
    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync();
}
