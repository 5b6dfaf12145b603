using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Analytics;
using Npgsql;

namespace Cluster.Bench;

/// <summary>
/// Execution-analytics ingest into PostgreSQL. Generates execution records over 5 task types and 20 parameter sets,
/// validates them in batches, then stores every batch through the PostgreSQL execution store (binary COPY), in
/// several rounds; reports the median round's records/s (target ≥ 50,000/s), the validation rate, and the latency of
/// the grouped aggregate query over one task type. With <c>--http</c> it also posts the batches to a gateway child
/// process (<c>POST /api/v1/analytics/executions</c>). The rows it wrote are deleted at the end.
/// Usage: <c>analytics [--connection CS] [--records N] [--batch N] [--rounds N] [--http]</c>; the connection string
/// comes from <c>--connection</c> or the environment variable <c>CLUSTER_BENCH_POSTGRES</c>
/// (e.g. <c>source deploy/postgres.sh &amp;&amp; pg_start &amp;&amp; CLUSTER_BENCH_POSTGRES=$PG_CONNECTION</c>).
/// </summary>
public static class AnalyticsMode
{
    public const string ConnectionVariable = "CLUSTER_BENCH_POSTGRES";
    private const int TaskTypes = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var connection = BenchOptions.Option(args, "--connection") ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine($"analytics: a PostgreSQL connection string is required: --connection \"Host=…\" or {ConnectionVariable}=… "
                + "(e.g. source deploy/postgres.sh && pg_start && export CLUSTER_BENCH_POSTGRES=$PG_CONNECTION).");
            Console.Error.WriteLine("usage: analytics [--connection CS] [--records N] [--batch N] [--rounds N] [--http]");
            return 2;
        }
        var count = BenchOptions.IntOption(args, "--records", 500_000);
        var batchSize = BenchOptions.IntOption(args, "--batch", ExecutionBatch.MaxRecords);
        var rounds = BenchOptions.IntOption(args, "--rounds", 3);
        var overHttp = Array.IndexOf(args, "--http") >= 0;

        var run = Guid.NewGuid().ToString("N")[..8];
        var taskTypes = new string[TaskTypes];
        for (var t = 0; t < TaskTypes; t++)
            taskTypes[t] = $"bench-{run}-task-{t}";
        var records = Generate(taskTypes, count);
        var batches = Batches(records, batchSize);
        Console.WriteLine($"analytics: {count} records in {batches.Length} batches of up to {batchSize}; task types bench-{run}-task-*");

        var watch = Stopwatch.StartNew();
        var validated = new Execution[batches.Length][];
        for (var b = 0; b < batches.Length; b++)
            validated[b] = ExecutionBatch.Validate(batches[b]);
        var validateRate = count / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation: {validateRate:F0} records/s"));

        var fields = new Dictionary<string, object>
        {
            ["mode"] = "analytics",
            ["cores"] = Environment.ProcessorCount,
            ["records"] = count,
            ["batch"] = batchSize,
            ["rounds"] = rounds,
            ["validate_records_per_sec"] = Math.Round(validateRate),
        };
        await using var store = await PostgresExecutionStore.CreateAsync(connection);
        try
        {
            await store.AddAsync(validated[0], default);
            var rates = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                watch.Restart();
                foreach (var batch in validated)
                    await store.AddAsync(batch, default);
                rates.Add(count / watch.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {rates[^1]:F0} records/s stored"));
            }

            var (queryMs, rows, executions) = await AggregateLatency(store, taskTypes[0]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aggregate query over {executions} executions of one task type ({rows} parameter sets): median {queryMs:F1} ms"));
            fields["aggregate_query_ms"] = Math.Round(queryMs, 1);
            fields["aggregate_query_executions"] = executions;
            if (overHttp)
            {
                var httpRate = await HttpIngest(connection, batches);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"http: {httpRate:F0} records/s posted and stored"));
                fields["http_records_per_sec"] = Math.Round(httpRate);
            }
            fields["analytics_records_per_sec"] = Math.Round(BenchResult.Median(rates));
        }
        finally
        {
            await DeleteRun(connection, taskTypes);
        }
        return BenchResult.Print(fields);
    }

    /// <summary>Records over <see cref="TaskTypes"/> task types and 20 parameter sets, spread over two weeks.</summary>
    private static ExecutionRecord[] Generate(string[] taskTypes, int count)
    {
        var random = new Random(42);
        var sets = new Dictionary<string, ParameterValue>[20];
        for (var s = 0; s < sets.Length; s++)
        {
            sets[s] = new Dictionary<string, ParameterValue>
            {
                ["temperature"] = ParameterValue.Of(0.1 * (s % 10 + 1)),
                ["style"] = ParameterValue.Of(s < 10 ? "brief" : "verbose"),
            };
        }
        string[] complexities = ["low", "medium", "high"];
        var now = DateTimeOffset.UtcNow;
        var records = new ExecutionRecord[count];
        for (var i = 0; i < count; i++)
        {
            var set = random.Next(sets.Length);
            var success = random.NextDouble() < 0.9;
            var prompt = 100 + random.Next(900);
            var completion = 20 + random.Next(400);
            records[i] = new ExecutionRecord(
                taskTypes[i % taskTypes.Length], sets[set], "model-a", "provider-b",
                50 + 10 * set + random.NextDouble() * 400,
                new TokenCounts(prompt, completion, prompt + completion),
                random.NextDouble() < 0.7 ? random.NextDouble() : null,
                random.NextDouble() < 0.3 ? random.Next(6) : null,
                success, success ? null : "timeout", complexities[random.Next(complexities.Length)], "support",
                now - TimeSpan.FromMinutes(random.Next(14 * 24 * 60)));
        }
        return records;
    }

    private static ExecutionRecord[][] Batches(ExecutionRecord[] records, int size)
    {
        var batches = new ExecutionRecord[(records.Length + size - 1) / size][];
        for (var b = 0; b < batches.Length; b++)
            batches[b] = records[(b * size)..Math.Min(records.Length, (b + 1) * size)];
        return batches;
    }

    private static async Task<(double MedianMs, int Rows, long Executions)> AggregateLatency(PostgresExecutionStore store, string taskType)
    {
        var rows = await store.GetParameterSetsAsync(taskType, null, default);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = await store.GetParameterSetsAsync(taskType, null, default);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        long executions = 0;
        foreach (var row in rows)
            executions += row.Statistics.Count;
        return (BenchResult.Median(times), rows.Count, executions);
    }

    /// <summary>Posts every batch to a gateway child process on the same database, two requests in flight.</summary>
    private static async Task<double> HttpIngest(string connection, ExecutionRecord[][] batches)
    {
        var bodies = new byte[batches.Length][];
        var records = 0;
        for (var b = 0; b < batches.Length; b++)
        {
            bodies[b] = JsonSerializer.SerializeToUtf8Bytes(batches[b], JsonSerializerOptions.Web);
            records += batches[b].Length;
        }
        using var gateway = await GatewayProcess.StartAsync($"--Cluster:Analytics:ConnectionString={connection}");
        using var http = gateway.Client();
        await Post(http, bodies[0]);
        var next = -1;
        var watch = Stopwatch.StartNew();
        var posters = new Task[2];
        for (var p = 0; p < posters.Length; p++)
        {
            posters[p] = Task.Run(async () =>
            {
                for (var b = Interlocked.Increment(ref next); b < bodies.Length; b = Interlocked.Increment(ref next))
                    await Post(http, bodies[b]);
            });
        }
        await Task.WhenAll(posters);
        return records / watch.Elapsed.TotalSeconds;
    }

    private static async Task Post(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/v1/analytics/executions", content);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/analytics/executions: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Removes this run's rows, so repeated runs do not grow the database.</summary>
    private static async Task DeleteRun(string connection, string[] taskTypes)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var cmd = dataSource.CreateCommand("DELETE FROM cluster_analytics_execution WHERE task_type = ANY($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = taskTypes });
        var deleted = await cmd.ExecuteNonQueryAsync();
        Console.WriteLine($"removed {deleted} benchmark rows");
    }
}
