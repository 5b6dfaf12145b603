using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Cluster.Runtime.Storage;

/// <summary>
/// Grain state in PostgreSQL: one row per (grain type, key, state name) with a jsonb payload and an ETag drawn
/// from a sequence (never reused, even after a clear). Writes are conditional on the ETag in one statement, so a
/// stale writer changes nothing. All SQL is parameterised.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string Schema = """
        CREATE SEQUENCE IF NOT EXISTS cluster_grain_state_etag;
        CREATE TABLE IF NOT EXISTS cluster_grain_state (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            state_name text NOT NULL,
            etag bigint NOT NULL,
            payload jsonb NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (grain_type, grain_key, state_name)
        );
        """;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresGrainStorage(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Connects and creates the table when it is missing.</summary>
    public static async Task<PostgresGrainStorage> CreateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var cmd = dataSource.CreateCommand(Schema);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another silo created the schema concurrently.
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await dataSource.DisposeAsync();
            throw new GrainStorageException($"PostgreSQL grain storage could not be prepared: {e.Message}", e);
        }
        return new PostgresGrainStorage(dataSource);
    }

    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var cmd = Command("SELECT payload::text, etag FROM cluster_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3",
            grainId, stateName);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var payload = System.Text.Encoding.UTF8.GetBytes(reader.GetString(0));
        return new StoredState(payload, reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    }

    public async Task<string> WriteAsync(GrainId grainId, string stateName, byte[] payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        NpgsqlCommand cmd;
        if (expectedEtag is null)
        {
            cmd = Command("""
                INSERT INTO cluster_grain_state (grain_type, grain_key, state_name, etag, payload)
                VALUES ($1, $2, $3, nextval('cluster_grain_state_etag'), $4)
                ON CONFLICT DO NOTHING RETURNING etag
                """, grainId, stateName);
        }
        else
        {
            cmd = Command("""
                UPDATE cluster_grain_state SET payload = $4, etag = nextval('cluster_grain_state_etag'), updated_at = now()
                WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND etag = $5 RETURNING etag
                """, grainId, stateName);
        }
        await using (cmd)
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = System.Text.Encoding.UTF8.GetString(payload) });
            if (expectedEtag is not null)
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = ParseEtag(expectedEtag) });
            var result = await cmd.ExecuteScalarAsync(cancellationToken);
            if (result is long etag)
                return etag.ToString(CultureInfo.InvariantCulture);
        }
        throw StaleEtag.Conflict("Write", grainId, stateName, expectedEtag, await CurrentEtagAsync(grainId, stateName, cancellationToken));
    }

    public async Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken)
    {
        if (expectedEtag is null)
        {
            var current = await CurrentEtagAsync(grainId, stateName, cancellationToken);
            if (current is not null)
                throw StaleEtag.Conflict("Clear", grainId, stateName, null, current);
            return;
        }
        await using var cmd = Command("DELETE FROM cluster_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND etag = $4",
            grainId, stateName);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = ParseEtag(expectedEtag) });
        if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 0)
            throw StaleEtag.Conflict("Clear", grainId, stateName, expectedEtag, await CurrentEtagAsync(grainId, stateName, cancellationToken));
    }

    private async Task<string?> CurrentEtagAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var cmd = Command("SELECT etag FROM cluster_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3", grainId, stateName);
        return await cmd.ExecuteScalarAsync(cancellationToken) is long etag ? etag.ToString(CultureInfo.InvariantCulture) : null;
    }

    private NpgsqlCommand Command(string sql, GrainId grainId, string stateName)
    {
        var cmd = _dataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        cmd.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        cmd.Parameters.Add(new NpgsqlParameter { Value = stateName });
        return cmd;
    }

    private static long ParseEtag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new GrainStorageException($"ETag '{etag}' was not issued by PostgreSQL grain storage.");

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
