using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;
using Npgsql;
using NpgsqlTypes;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Executions in PostgreSQL, one row each. Batches arrive by binary COPY, which is one statement: a batch is stored
/// whole or not at all. Aggregates are computed by the database in one grouped query (sums, counts and
/// <c>percentile_cont(0.95)</c>, the same interpolated percentile as <see cref="Percentiles.Continuous"/>), so only
/// one row per parameter set travels back. A parameter set is stored as its canonical key, which is also its JSON.
/// All SQL is parameterised.
/// </summary>
public sealed class PostgresExecutionStore : IExecutionStore, IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS cluster_analytics_execution (
            task_type text NOT NULL,
            parameters text NOT NULL,
            model text NOT NULL,
            provider text NOT NULL,
            execution_time_ms double precision NOT NULL,
            prompt_tokens bigint NOT NULL,
            completion_tokens bigint NOT NULL,
            total_tokens bigint NOT NULL,
            response_quality double precision,
            user_satisfaction double precision,
            success boolean NOT NULL,
            error_type text,
            complexity text NOT NULL,
            domain text NOT NULL,
            executed_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS cluster_analytics_execution_task ON cluster_analytics_execution (task_type, complexity);
        """;

    private const string Copy = """
        COPY cluster_analytics_execution (task_type, parameters, model, provider, execution_time_ms, prompt_tokens,
            completion_tokens, total_tokens, response_quality, user_satisfaction, success, error_type, complexity, domain, executed_at)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>The columns of <see cref="ExecutionStatistics"/>, in its constructor's order.</summary>
    private const string Statistics = """
        count(*), count(*) FILTER (WHERE success),
        sum(execution_time_ms), sum(execution_time_ms * execution_time_ms),
        sum(prompt_tokens)::float8, sum(completion_tokens)::float8, sum(total_tokens)::float8,
        count(response_quality), coalesce(sum(response_quality), 0), coalesce(sum(response_quality * response_quality), 0),
        count(user_satisfaction), coalesce(sum(user_satisfaction), 0), coalesce(sum(user_satisfaction * user_satisfaction), 0)
        """;

    private const string ParameterSets = $"""
        SELECT parameters, percentile_cont(0.95) WITHIN GROUP (ORDER BY execution_time_ms), {Statistics}
        FROM cluster_analytics_execution WHERE task_type = $1 GROUP BY parameters
        """;

    private const string ParameterSetsOfComplexity = $"""
        SELECT parameters, percentile_cont(0.95) WITHIN GROUP (ORDER BY execution_time_ms), {Statistics}
        FROM cluster_analytics_execution WHERE task_type = $1 AND complexity = $2 GROUP BY parameters
        """;

    private const string Windows = $"""
        SELECT executed_at > $3 AS recent, {Statistics}
        FROM cluster_analytics_execution WHERE task_type = $1 AND executed_at > $2 AND executed_at <= $4 GROUP BY 1
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects lazily; call <see cref="CreateSchemaAsync"/> (or use <see cref="CreateAsync"/>) before the first batch.</summary>
    public PostgresExecutionStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Connects and creates the table when it is missing.</summary>
    public static async Task<PostgresExecutionStore> CreateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var store = new PostgresExecutionStore(connectionString);
        try
        {
            await store.CreateSchemaAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        return store;
    }

    /// <summary>Creates the table and its index when they are missing.</summary>
    /// <exception cref="ExecutionStoreException">the database could not be reached or refused the schema.</exception>
    public async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var cmd = _dataSource.CreateCommand(Schema);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another silo created the table or its index at the same moment; theirs serves.
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new ExecutionStoreException($"The PostgreSQL execution store could not be prepared: {e.Message}", e);
        }
    }

    public async Task AddAsync(IReadOnlyList<Execution> executions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executions);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        for (var i = 0; i < executions.Count; i++)
        {
            var e = executions[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(e.TaskType, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.Parameters.Key, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.Model, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.Provider, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.ExecutionTimeMs, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(e.Tokens.Prompt, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(e.Tokens.Completion, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(e.Tokens.Total, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, e.ResponseQuality, cancellationToken);
            await WriteNullableAsync(importer, e.UserSatisfaction, cancellationToken);
            await importer.WriteAsync(e.Success, NpgsqlDbType.Boolean, cancellationToken);
            if (e.ErrorType is null)
                await importer.WriteNullAsync(cancellationToken);
            else
                await importer.WriteAsync(e.ErrorType, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.Complexity, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.Domain, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        // Until Complete the server holds the rows back; disposing without it cancels the COPY and stores nothing.
        await importer.CompleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ParameterSetStatistics>> GetParameterSetsAsync(string taskType, string? complexity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        await using var cmd = _dataSource.CreateCommand(complexity is null ? ParameterSets : ParameterSetsOfComplexity);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = taskType });
        if (complexity is not null)
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = complexity });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ParameterSetStatistics>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            var values = JsonSerializer.Deserialize<Dictionary<string, ParameterValue>>(key)!;
            rows.Add(new ParameterSetStatistics(new ParameterSet(key, values), ReadStatistics(reader, 2), reader.GetDouble(1)));
        }
        return rows;
    }

    public async Task<TrendWindows> GetTrendWindowsAsync(string taskType, DateTimeOffset earlierFrom, DateTimeOffset recentFrom, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        await using var cmd = _dataSource.CreateCommand(Windows);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = taskType });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = earlierFrom.UtcDateTime });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = recentFrom.UtcDateTime });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = to.UtcDateTime });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        ExecutionStatistics earlier = ExecutionStatistics.None, recent = ExecutionStatistics.None;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(0))
                recent = ReadStatistics(reader, 1);
            else
                earlier = ReadStatistics(reader, 1);
        }
        return new TrendWindows(earlier, recent);
    }

    private static ExecutionStatistics ReadStatistics(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first), reader.GetInt64(first + 1),
        reader.GetDouble(first + 2), reader.GetDouble(first + 3),
        reader.GetDouble(first + 4), reader.GetDouble(first + 5), reader.GetDouble(first + 6),
        reader.GetInt64(first + 7), reader.GetDouble(first + 8), reader.GetDouble(first + 9),
        reader.GetInt64(first + 10), reader.GetDouble(first + 11), reader.GetDouble(first + 12));

    private static async ValueTask WriteNullableAsync(NpgsqlBinaryImporter importer, double? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
            await importer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken);
        else
            await importer.WriteNullAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
