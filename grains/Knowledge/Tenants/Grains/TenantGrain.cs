using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>
/// Owns one tenant. Not reentrant: a reservation's check and its count happen in one turn, so concurrent reservations
/// are serialised and usage can never pass the quota (the check-then-act race of reading usage elsewhere cannot occur).
/// Each change is stored before the caller hears of it; a failed write puts the previous state back.
/// </summary>
[GrainType("tenant")]
public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorageNames.Tenants)] IPersistentState<TenantState> state,
    IOptions<TenantOptions> options)
    : Grain, ITenantGrain
{
    private static readonly TenantCapability[] AllCapabilities = Enum.GetValues<TenantCapability>();

    private string Id => this.GetPrimaryKeyString();

    public async Task<CreatedTenant> CreateAsync(string name, long? storageQuotaBytes)
    {
        var validName = TenantRequests.Name(name);
        var quota = TenantRequests.Quota(storageQuotaBytes, options.Value.DefaultStorageQuotaBytes);
        if (state.State.Name is not null)
            throw new ConflictException($"Tenant '{Id}' exists already.");
        var now = DateTimeOffset.UtcNow;
        await ChangeAsync(tenant =>
        {
            tenant.Name = validName;
            tenant.Status = TenantStatus.Active;
            tenant.StorageQuotaBytes = quota;
            tenant.StorageUsedBytes = 0;
            tenant.CreatedAt = now;
        });
        var firstKey = await CreateKeyAsync(new ApiKeySpec { Capabilities = AllCapabilities });
        return new CreatedTenant(Info(), firstKey);
    }

    public Task<TenantInfo> GetAsync() => Task.FromResult(Info());

    public async Task<TenantInfo> SetStatusAsync(TenantStatus status)
    {
        if (!Enum.IsDefined(status))
            throw new TenantValidationException("status", "status must be active or suspended.");
        Require();
        // Keys first: once this returns, every key of a suspended tenant is refused.
        foreach (var key in state.State.Keys)
            await GrainFactory.GetGrain<IApiKeyGrain>(key.Id).SetTenantStatusAsync(status);
        await ChangeAsync(tenant => tenant.Status = status);
        return Info();
    }

    public Task<TenantUsage> GetUsageAsync() => Task.FromResult(Usage());

    public async Task<TenantUsage> ReserveStorageAsync(long bytes)
    {
        TenantRequests.Bytes(bytes);
        var tenant = Require();
        if (bytes > tenant.StorageQuotaBytes - tenant.StorageUsedBytes)
            throw new StorageQuotaExceededException(Id, bytes, Usage());
        await ChangeAsync(t => t.StorageUsedBytes += bytes);
        return Usage();
    }

    public async Task<TenantUsage> ReleaseStorageAsync(long bytes)
    {
        TenantRequests.Bytes(bytes);
        Require();
        await ChangeAsync(t => t.StorageUsedBytes = Math.Max(0, t.StorageUsedBytes - bytes));
        return Usage();
    }

    public async Task<CreatedApiKey> CreateKeyAsync(ApiKeySpec spec)
    {
        var now = DateTimeOffset.UtcNow;
        TenantRequests.Key(spec, now);
        var tenant = Require();
        var (keyId, key) = ApiKeyFormat.Generate();
        var info = new ApiKeyInfo(keyId, ApiKeyFormat.VisiblePrefix(keyId), [.. spec.Capabilities], spec.KnowledgeBaseIds is null ? null : [.. spec.KnowledgeBaseIds], now, spec.ExpiresAt, null);
        // Listed first, then made usable: a failure between leaves a listed key that opens nothing, never a usable
        // key its tenant cannot see or revoke.
        await ChangeAsync(t => t.Keys.Add(info));
        var grant = new ApiKeyGrant(keyId, Id, info.Capabilities, info.KnowledgeBaseIds, info.ExpiresAt);
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).RegisterAsync(grant, ApiKeyFormat.Hash(key), tenant.Status);
        return new CreatedApiKey(info, key);
    }

    public async Task RevokeKeyAsync(string keyId)
    {
        Require();
        var index = state.State.Keys.FindIndex(k => k.Id == keyId);
        if (index < 0)
            throw new ApiKeyNotFoundException(keyId);
        if (state.State.Keys[index].RevokedAt is not null)
            return;
        // Refused first, then listed as revoked: a failure between leaves a key listed as active that opens nothing.
        var revokedAt = await GrainFactory.GetGrain<IApiKeyGrain>(keyId).RevokeAsync();
        await ChangeAsync(t => t.Keys[index] = t.Keys[index] with { RevokedAt = revokedAt });
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync()
    {
        Require();
        return Task.FromResult<IReadOnlyList<ApiKeyInfo>>([.. state.State.Keys]);
    }

    private TenantState Require() => state.State.Name is null ? throw new TenantNotFoundException(Id) : state.State;

    private TenantUsage Usage()
    {
        var tenant = Require();
        return new TenantUsage(tenant.StorageQuotaBytes, tenant.StorageUsedBytes);
    }

    private TenantInfo Info()
    {
        var tenant = Require();
        return new TenantInfo(Id, tenant.Name!, tenant.Status, Usage(), tenant.CreatedAt);
    }

    /// <summary>Applies <paramref name="change"/> to a copy of the state and keeps it only once it is stored.</summary>
    private async Task ChangeAsync(Action<TenantState> change)
    {
        var previous = state.State;
        var next = new TenantState
        {
            Name = previous.Name,
            Status = previous.Status,
            StorageQuotaBytes = previous.StorageQuotaBytes,
            StorageUsedBytes = previous.StorageUsedBytes,
            CreatedAt = previous.CreatedAt,
            Keys = [.. previous.Keys],
        };
        change(next);
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State = previous;
            // Another activation stored a newer tenant: this one is outdated; the next call reads the stored one.
            if (e is InconsistentStateException)
                DeactivateOnIdle();
            throw;
        }
    }
}
