using System.Diagnostics;
using Npgsql;

namespace Cluster.Bench;

/// <summary>
/// The reference point for acknowledged state writes: the same rows rewritten with the same JSON by plain Npgsql
/// commands, one UPDATE per write with a version check, from the same number of callers. What PostgreSQL and the
/// driver allow on this machine, without Orleans or its storage provider in the way.
/// </summary>
internal static class PostgresWriteBaseline
{
    private const string Update =
        "UPDATE orleans_grain_state SET payload = $1::json, version = version + 1, modified_on = now() " +
        "WHERE service_id = $2 AND state_name = $3 AND grain_id_n0 = $4 AND grain_id_n1 = $5 AND grain_key = $6 AND version = $7";

    /// <summary>Rewrites the rows stored under <paramref name="serviceId"/>; returns writes per second and CPU microseconds per write in this process.</summary>
    public static async Task<(double WritesPerSecond, double CpuMicrosPerWrite)> RunAsync(string connection, string serviceId, int callers, TimeSpan duration)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var rows = new List<Row>();
        await using (var select = dataSource.CreateCommand(
            "SELECT state_name, grain_id_n0, grain_id_n1, grain_key, version, payload::text FROM orleans_grain_state WHERE service_id = $1"))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5)));
        }

        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var writers = new Task<long>[callers];
        for (var c = 0; c < callers; c++)
            writers[c] = WriteAsync(dataSource, serviceId, rows, c, callers, stop);
        long writes = 0;
        foreach (var count in await Task.WhenAll(writers))
            writes += count;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (writes / seconds, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / writes);
    }

    /// <summary>Writes the rows whose index is <paramref name="caller"/> modulo <paramref name="callers"/>, so no two callers share a row.</summary>
    private static async Task<long> WriteAsync(NpgsqlDataSource dataSource, string serviceId, List<Row> rows, int caller, int callers, long stop)
    {
        await Task.Yield();
        long writes = 0;
        for (var i = caller; Stopwatch.GetTimestamp() < stop; i += callers)
        {
            if (i >= rows.Count)
                i = caller;
            var row = rows[i];
            await using var command = dataSource.CreateCommand(Update);
            command.Parameters.Add(new NpgsqlParameter { Value = row.Payload });
            command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            command.Parameters.Add(new NpgsqlParameter { Value = row.StateName });
            command.Parameters.Add(new NpgsqlParameter { Value = row.N0 });
            command.Parameters.Add(new NpgsqlParameter { Value = row.N1 });
            command.Parameters.Add(new NpgsqlParameter { Value = row.GrainKey });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Version });
            if (await command.ExecuteNonQueryAsync() != 1)
                throw new InvalidOperationException($"Row {row.GrainKey} was not at version {row.Version}.");
            row.Version++;
            writes++;
        }

        return writes;
    }

    private sealed class Row(string stateName, long n0, long n1, string grainKey, int version, string payload)
    {
        public string StateName { get; } = stateName;

        public long N0 { get; } = n0;

        public long N1 { get; } = n1;

        public string GrainKey { get; } = grainKey;

        public int Version { get; set; } = version;

        public string Payload { get; } = payload;
    }
}
