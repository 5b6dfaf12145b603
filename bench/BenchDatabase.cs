using Npgsql;

namespace Cluster.Bench;

/// <summary>
/// The PostgreSQL server a mode writes to: <c>--connection</c>, else <c>CLUSTER_BENCH_POSTGRES</c>, else a
/// <see cref="ThrowAwayPostgres"/> started for the run and stopped when this is disposed.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ThrowAwayPostgres? _server;

    private BenchDatabase(string connectionString, ThrowAwayPostgres? server)
    {
        ConnectionString = connectionString;
        _server = server;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> OpenAsync(string[] args, TextWriter progress)
    {
        var given = BenchOptions.Option(args, "--connection") ?? Environment.GetEnvironmentVariable(AnalyticsMode.ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
            return new BenchDatabase(given, null);
        var server = await ThrowAwayPostgres.StartAsync();
        progress.WriteLine($"no --connection or {AnalyticsMode.ConnectionVariable}: started a throw-away PostgreSQL server ({server.ConnectionString})");
        // Npgsql's pool allows 100 connections, as many as the server accepts; with a second pool (a baseline, a
        // restarted silo whose predecessor's pool is still open) connections would be refused, so each pool gets 45.
        var pooled = new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxPoolSize = 45 };
        return new BenchDatabase(pooled.ConnectionString, server);
    }

    /// <summary>Silo settings that keep grain state in this database under a service id of its own (for one run of <paramref name="mode"/>).</summary>
    public (string ServiceId, Dictionary<string, string?> Settings) SiloSettings(string mode)
    {
        var serviceId = $"bench-{mode}-{Guid.NewGuid().ToString("N")[..8]}";
        return (serviceId, new Dictionary<string, string?>
        {
            ["Cluster:ServiceId"] = serviceId,
            ["Cluster:Storage:Provider"] = "PostgreSQL",
            ["Cluster:Storage:ConnectionString"] = ConnectionString,
        });
    }

    /// <summary>Removes the grain state rows stored under <paramref name="serviceId"/>, so repeated runs on one database do not grow it.</summary>
    public async Task DeleteServiceRowsAsync(string serviceId, TextWriter progress)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("DELETE FROM orleans_grain_state WHERE service_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        progress.WriteLine($"removed {await command.ExecuteNonQueryAsync()} benchmark rows");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
