using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Silo.Storage;

/// <summary>
/// Creates the grain state and reminder tables, and the statements the Orleans ADO.NET providers load from
/// <c>OrleansQuery</c>, from the embedded script <c>Storage/Sql/postgresql.sql</c>. Applying it again changes
/// nothing; silos starting together take turns through a PostgreSQL advisory lock, and each application is one
/// transaction, so a failed run leaves the schema as it was.
/// </summary>
/// <remarks>
/// As a silo lifecycle participant it runs at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>: before the
/// providers read their statements (grain storage at ApplicationServices, reminders at RuntimeGrainServices) and
/// before the silo joins the cluster, so a silo that cannot reach its database never becomes active.
/// </remarks>
public sealed partial class PostgresSchema : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The logical name the silo project embeds the script under.</summary>
    public const string ScriptResourceName = "Cluster.Silo.Storage.Sql.postgresql.sql";

    // Any fixed key works, as long as nothing else in the database takes the same advisory lock ("ClusterS").
    private const long SchemaLockKey = 0x436C_7573_7465_7253;

    private readonly string _connectionString;
    private readonly ILogger<PostgresSchema> _logger;

    public PostgresSchema(string connectionString, ILogger<PostgresSchema> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        _connectionString = connectionString;
        _logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(PostgresSchema), ServiceLifecycleStage.RuntimeInitialize, OnSiloStartAsync);
    }

    /// <summary>Applies the schema to the database of <paramref name="connectionString"/> (Npgsql format).</summary>
    /// <exception cref="StorageSchemaException">
    /// The connection string is invalid, the database cannot be reached, or the script failed.
    /// </exception>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var target = DescribeTarget(connectionString);
        var script = ReadScript();
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new StorageSchemaException(
                $"Cannot connect to PostgreSQL at {target} to apply the grain storage schema: {e.Message.TrimEnd('.')}. " +
                "Check the storage connection string, and that the server is running and accepts connections from this host.", e);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var takeLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                takeLock.Parameters.AddWithValue("key", SchemaLockKey);
                await takeLock.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var apply = new NpgsqlCommand(script, connection, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            var hint = e.Hint is null ? string.Empty : $" {e.Hint}";
            throw new StorageSchemaException(
                $"The grain storage schema script failed on {target} and changed nothing ({e.SqlState}): " +
                $"{e.MessageText.TrimEnd('.')}.{hint}", e);
        }
        catch (NpgsqlException e)
        {
            throw new StorageSchemaException(
                $"Lost PostgreSQL at {target} while applying the grain storage schema, which changed nothing: " +
                $"{e.Message.TrimEnd('.')}. The next silo start applies it again.", e);
        }
    }

    private async Task OnSiloStartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await ApplyAsync(_connectionString, cancellationToken);
        LogApplied(DescribeTarget(_connectionString), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // Names the server and database for messages without the password.
    private static string DescribeTarget(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
        }
        catch (ArgumentException e)
        {
            throw new StorageSchemaException($"The grain storage connection string is not a valid Npgsql connection string: {e.Message}", e);
        }
    }

    private static string ReadScript()
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream(ScriptResourceName)
            ?? throw new StorageSchemaException(
                $"The silo was built without the embedded resource '{ScriptResourceName}'; " +
                "embed Storage/Sql/postgresql.sql under that logical name.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage schema applied to {Target} in {ElapsedMs:F0} ms")]
    private partial void LogApplied(string target, double elapsedMs);
}
