using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains.Knowledge.Tenants;
using Cluster.Tests.Hosting;
using Cluster.Tests.Integration;
using Npgsql;
using Orleans.TestingHost;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

/// <summary>Tenants and keys as grain state on the real PostgreSQL server the test script starts.</summary>
public sealed class TenantPostgresTests
{
    private readonly string _serviceId = "tenants-" + Guid.NewGuid().ToString("N");

    private Task<TestCluster> StartAsync() => TestClusters.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Cluster:Storage:Provider"] = "PostgreSQL",
        ["Cluster:Storage:ConnectionString"] = PostgresServer.ConnectionString,
        ["Cluster:ServiceId"] = _serviceId,
    });

    private static Task<ApiKeyGrant?> ResolveAsync(TestCluster cluster, string key)
    {
        ApiKeyFormat.TryGetKeyId(key, out var keyId);
        return cluster.GrainFactory.GetGrain<IApiKeyGrain>(keyId).ResolveAsync(ApiKeyFormat.Hash(key));
    }

    [Fact]
    public async Task Tenants_usage_and_keys_survive_a_cluster_restart_and_only_hashes_are_stored()
    {
        var id = Guid.NewGuid().ToString("N");
        CreatedTenant created;
        CreatedApiKey revoked;
        await using (var first = await StartAsync())
        {
            var tenant = first.GrainFactory.GetGrain<ITenantGrain>(id);
            created = await tenant.CreateAsync("Persisted", 10_000);
            await tenant.ReserveStorageAsync(3_000);
            revoked = await tenant.CreateKeyAsync(new ApiKeySpec { Capabilities = [TenantCapability.Chat] });
            await tenant.RevokeKeyAsync(revoked.Key.Id);
        }

        await using var second = await StartAsync();
        var restarted = second.GrainFactory.GetGrain<ITenantGrain>(id);

        Assert.Equal("Persisted", (await restarted.GetAsync()).Name);
        Assert.Equal(new TenantUsage(10_000, 3_000), await restarted.GetUsageAsync());
        Assert.Equal(id, (await ResolveAsync(second, created.FirstKey.ApiKey))?.TenantId);
        Assert.Null(await ResolveAsync(second, revoked.ApiKey));
        Assert.NotNull((await restarted.ListKeysAsync()).Single(k => k.Id == revoked.Key.Id).RevokedAt);

        var stored = await StoredPayloadsAsync();
        Assert.Contains("Persisted", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(created.FirstKey.ApiKey[(created.FirstKey.ApiKey.IndexOf('_') + 1)..], stored, StringComparison.Ordinal);
        Assert.DoesNotContain(revoked.ApiKey[(revoked.ApiKey.IndexOf('_') + 1)..], stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_reservations_on_stored_state_never_pass_the_quota()
    {
        await using var cluster = await StartAsync();
        var tenant = cluster.GrainFactory.GetGrain<ITenantGrain>(Guid.NewGuid().ToString("N"));
        await tenant.CreateAsync("Race", 1_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
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
        }));

        Assert.Equal(10, results.Count(ok => ok));
        Assert.Equal(1_000, (await tenant.GetUsageAsync()).StorageUsedBytes);
    }

    private async Task<string> StoredPayloadsAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT string_agg(payload::text, '\n') FROM orleans_grain_state WHERE service_id = @service", connection);
        select.Parameters.AddWithValue("service", _serviceId);
        return (string?)await select.ExecuteScalarAsync() ?? string.Empty;
    }
}
