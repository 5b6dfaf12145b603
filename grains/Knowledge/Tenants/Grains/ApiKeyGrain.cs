using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>
/// The lookup record of one key, keyed by its key id: every API request with a tenant key resolves here in one call,
/// from memory once active. Only its tenant's grain writes it.
/// </summary>
[GrainType("apiKey")]
public sealed class ApiKeyGrain([PersistentState("apiKey", GrainStorageNames.ApiKeys)] IPersistentState<ApiKeyState> state)
    : Grain, IApiKeyGrain
{
    public Task<ApiKeyGrant?> ResolveAsync(byte[] keyHash)
    {
        var key = state.State;
        var valid = key.Grant is { } grant
                    && ApiKeyFormat.HashesMatch(keyHash, key.KeyHash)
                    && key.RevokedAt is null
                    && key.TenantStatus == TenantStatus.Active
                    && (grant.ExpiresAt is not { } expiresAt || expiresAt > DateTimeOffset.UtcNow);
        return Task.FromResult(valid ? key.Grant : null);
    }

    public async Task RegisterAsync(ApiKeyGrant grant, byte[] keyHash, TenantStatus tenantStatus)
    {
        if (state.State.Grant is { } existing)
        {
            if (existing.TenantId == grant.TenantId && ApiKeyFormat.HashesMatch(keyHash, state.State.KeyHash))
                return;
            throw new ConflictException($"API key id '{this.GetPrimaryKeyString()}' is taken; create the key again.");
        }

        state.State = new ApiKeyState { Grant = grant, KeyHash = keyHash, TenantStatus = tenantStatus };
        await state.WriteStateAsync();
    }

    public async Task<DateTimeOffset> RevokeAsync()
    {
        if (state.State.RevokedAt is { } revokedAt)
            return revokedAt;
        var now = DateTimeOffset.UtcNow;
        state.State.RevokedAt = now;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.RevokedAt = null;
            throw;
        }

        return now;
    }

    public async Task SetTenantStatusAsync(TenantStatus status)
    {
        if (state.State.TenantStatus == status)
            return;
        var previous = state.State.TenantStatus;
        state.State.TenantStatus = status;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.TenantStatus = previous;
            throw;
        }
    }
}
