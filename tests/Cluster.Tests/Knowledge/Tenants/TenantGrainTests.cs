using System.Text;
using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains;
using Cluster.Grains.Knowledge.Tenants;
using Cluster.Silo.Storage;
using Cluster.Tests.Hosting;
using Orleans;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

public sealed class TenantGrainTests(TenantClusterFixture fixture) : IClassFixture<TenantClusterFixture>
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private async Task<(ITenantGrain Grain, string Id, CreatedTenant Created)> NewTenantAsync(long? quota = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<ITenantGrain>(id);
        return (grain, id, await grain.CreateAsync("Acme", quota));
    }

    private Task<ApiKeyGrant?> ResolveAsync(string key) =>
        ApiKeyFormat.TryGetKeyId(key, out var keyId)
            ? Grains.GetGrain<IApiKeyGrain>(keyId).ResolveAsync(ApiKeyFormat.Hash(key))
            : throw new ArgumentException("not a tenant key", nameof(key));

    [Fact]
    public async Task Concurrent_reservations_never_take_usage_past_the_quota()
    {
        var (tenant, _, _) = await NewTenantAsync(quota: 1_000);

        var attempts = Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await tenant.ReserveStorageAsync(100);
                return true;
            }
            catch (StorageQuotaExceededException)
            {
                return false;
            }
        }).ToArray();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(10, results.Count(ok => ok));
        Assert.Equal(new TenantUsage(1_000, 1_000), await tenant.GetUsageAsync());
    }

    [Fact]
    public async Task A_refused_reservation_counts_nothing_and_names_what_is_free()
    {
        var (tenant, _, _) = await NewTenantAsync(quota: 250);
        await tenant.ReserveStorageAsync(200);

        var error = await Assert.ThrowsAsync<StorageQuotaExceededException>(() => tenant.ReserveStorageAsync(51));

        Assert.Equal(new TenantUsage(250, 200), error.Usage);
        Assert.Contains("50 of 250 bytes", error.Message);
        Assert.Equal(200, (await tenant.GetUsageAsync()).StorageUsedBytes);
    }

    [Fact]
    public async Task Released_storage_can_be_reserved_again_and_usage_never_goes_below_zero()
    {
        var (tenant, _, _) = await NewTenantAsync(quota: 100);
        await tenant.ReserveStorageAsync(100);

        await tenant.ReleaseStorageAsync(60);
        await tenant.ReserveStorageAsync(60);
        var usage = await tenant.ReleaseStorageAsync(1_000);

        Assert.Equal(0, usage.StorageUsedBytes);
    }

    [Fact]
    public async Task The_default_quota_applies_when_none_is_given()
    {
        var (_, _, created) = await NewTenantAsync();

        Assert.Equal(new TenantOptions().DefaultStorageQuotaBytes, created.Tenant.Usage.StorageQuotaBytes);
    }

    [Fact]
    public async Task A_key_is_shown_once_and_only_its_hash_is_stored()
    {
        var (tenant, id, created) = await NewTenantAsync();
        var key = await tenant.CreateKeyAsync(new ApiKeySpec { Capabilities = [TenantCapability.Retrieve] });
        ApiKeyFormat.TryGetKeyId(key.ApiKey, out var keyId);
        var secret = key.ApiKey[(key.ApiKey.IndexOf('_') + 1)..];

        var listed = await tenant.ListKeysAsync();
        var tenantState = await StoredState.ReadAsync<TenantState>(fixture.Cluster, GrainStorageNames.Tenants, "tenant", id, "tenant");
        var keyState = await StoredState.ReadAsync<ApiKeyState>(fixture.Cluster, GrainStorageNames.ApiKeys, "apiKey", keyId, "apiKey");
        var stored = Encoding.UTF8.GetString(new JsonGrainStorageSerializer().Serialize(tenantState.State).ToArray())
                     + Encoding.UTF8.GetString(new JsonGrainStorageSerializer().Serialize(keyState.State).ToArray());

        Assert.Equal(keyId, key.Key.Id);
        Assert.Equal([created.FirstKey.Key.Id, keyId], listed.Select(k => k.Id));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(created.FirstKey.ApiKey[(created.FirstKey.ApiKey.IndexOf('_') + 1)..], stored, StringComparison.Ordinal);
        Assert.Equal(ApiKeyFormat.Hash(key.ApiKey), keyState.State!.KeyHash);
        Assert.Equal(id, keyState.State.Grant!.TenantId);
    }

    [Fact]
    public async Task The_first_key_has_every_capability_and_resolves_to_its_tenant()
    {
        var (_, id, created) = await NewTenantAsync();

        var grant = await ResolveAsync(created.FirstKey.ApiKey);

        Assert.NotNull(grant);
        Assert.Equal(id, grant.TenantId);
        Assert.Equal(Enum.GetValues<TenantCapability>(), grant.Capabilities);
        Assert.Null(grant.KnowledgeBaseIds);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_resolves_to_nothing()
    {
        var (_, _, created) = await NewTenantAsync();
        var key = created.FirstKey.ApiKey;
        var forged = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await ResolveAsync(forged));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_listed_as_revoked()
    {
        var (tenant, _, _) = await NewTenantAsync();
        var key = await tenant.CreateKeyAsync(new ApiKeySpec { Capabilities = [TenantCapability.Ingest], KnowledgeBaseIds = ["kb-1"] });
        Assert.NotNull(await ResolveAsync(key.ApiKey));

        await tenant.RevokeKeyAsync(key.Key.Id);
        await tenant.RevokeKeyAsync(key.Key.Id);

        Assert.Null(await ResolveAsync(key.ApiKey));
        Assert.NotNull((await tenant.ListKeysAsync()).Single(k => k.Id == key.Key.Id).RevokedAt);
        await Assert.ThrowsAsync<ApiKeyNotFoundException>(() => tenant.RevokeKeyAsync("0123456789abcdef"));
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var (tenant, _, _) = await NewTenantAsync();
        var key = await tenant.CreateKeyAsync(new ApiKeySpec { Capabilities = [TenantCapability.Retrieve], ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        Assert.NotNull(await ResolveAsync(key.ApiKey));

        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.Null(await ResolveAsync(key.ApiKey));
    }

    [Fact]
    public async Task A_suspended_tenants_keys_are_refused_until_it_is_active_again()
    {
        var (tenant, _, created) = await NewTenantAsync();

        await tenant.SetStatusAsync(TenantStatus.Suspended);
        var whileSuspended = await ResolveAsync(created.FirstKey.ApiKey);
        await tenant.SetStatusAsync(TenantStatus.Active);

        Assert.Null(whileSuspended);
        Assert.NotNull(await ResolveAsync(created.FirstKey.ApiKey));
    }

    [Fact]
    public async Task A_tenant_is_created_once_and_unknown_tenants_are_not_found()
    {
        var (tenant, _, _) = await NewTenantAsync();

        await Assert.ThrowsAsync<ConflictException>(() => tenant.CreateAsync("Again", null));
        await Assert.ThrowsAsync<TenantNotFoundException>(() => Grains.GetGrain<ITenantGrain>(Guid.NewGuid().ToString("N")).GetAsync());
    }

    [Fact]
    public async Task Invalid_input_changes_nothing()
    {
        var id = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<ITenantGrain>(id);

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => grain.CreateAsync(" ", null));

        Assert.Equal("name", error.Field);
        await Assert.ThrowsAsync<TenantNotFoundException>(() => grain.GetAsync());
    }
}
