using System.Text.Json;
using StackExchange.Redis;

namespace Cluster.Tests.Integration;

/// <summary>
/// Reads the Orleans membership table a local cluster keeps in Redis: the silos' own verdicts, before any gateway
/// or admin endpoint relays them.
/// </summary>
public sealed class MembershipTable(LocalCluster cluster) : IAsyncDisposable
{
    // Orleans' SiloStatus.Dead.
    private const int Dead = 6;

    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() => ConnectionMultiplexer.ConnectAsync(cluster.Env["REDIS_CONNECTION"]));

    public async Task<bool> IsDeadAsync(string siloName)
    {
        var clusterId = cluster.Env["CLUSTER_ID"];
        var entries = await (await _redis.Value).GetDatabase().HashGetAllAsync($"{clusterId}/members/{clusterId}");
        foreach (var entry in entries)
        {
            if (!entry.Name.ToString().StartsWith('S'))
                continue;
            using var silo = JsonDocument.Parse(entry.Value.ToString());
            if (silo.RootElement.GetProperty("SiloName").GetString() == siloName)
                return silo.RootElement.GetProperty("Status").GetInt32() == Dead;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
            await (await _redis.Value).DisposeAsync();
    }
}
