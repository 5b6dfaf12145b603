using System.Diagnostics;
using Cluster.Bench.Grains;

namespace Cluster.Bench;

/// <summary>
/// Persistent state on PostgreSQL through the product's storage (a silo with Cluster:Storage:Provider=PostgreSQL):
/// acknowledged writes per second from many callers to grains holding a 40-item inventory, then stateful activations
/// per second (each grain's state read on activation after a silo restart, then one write). Between the two, plain
/// Npgsql rewrites the same rows from as many callers: the ceiling the storage could reach. The rows are written
/// under a service id of their own and deleted at the end.
/// Usage: <c>state [seconds=2] [--connection CS] [--grains N] [--callers N]</c>; without a connection string
/// (<c>--connection</c> or <c>CLUSTER_BENCH_POSTGRES</c>) it starts a throw-away server with <c>deploy/postgres.sh</c>.
/// </summary>
internal static class StateMode
{
    private const int ItemsPerGrain = 40;
    private const int Rounds = 5;
    private const int Restarts = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var duration = TimeSpan.FromSeconds(BenchOptions.Positional(args, 0, 2));
        var grainCount = BenchOptions.IntOption(args, "--grains", 2_000);
        var callers = BenchOptions.IntOption(args, "--callers", 64);
        await using var database = await BenchDatabase.OpenAsync(args, Console.Out);
        var (serviceId, settings) = database.SiloSettings("state");
        Dictionary<string, object> result;
        try
        {
            await using var cluster = await BenchCluster.StartAsync([[]], settings);
            var grains = Grains(cluster, grainCount);
            var started = Stopwatch.GetTimestamp();
            await AllAsync(grains, static g => g.FillAsync(ItemsPerGrain));
            Console.WriteLine($"stored {grainCount} inventories of {ItemsPerGrain} items in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

            var add = WriteOf(grains);
            await CallLoad.RunAsync(grainCount, add, callers, TimeSpan.FromSeconds(1), new());
            var writes = new RoundFigures();
            for (var round = 0; round < Rounds; round++)
            {
                await writes.MeasureAsync(grainCount, add, callers, duration);
                Console.WriteLine($"round {round}: {writes.Describe()} acknowledged writes");
            }

            // Between the write rounds and the restarts, which read the versions it leaves behind.
            var (baseline, baselineCpu) = await PostgresWriteBaseline.RunAsync(database.ConnectionString, serviceId, callers, duration);
            Console.WriteLine($"plain Npgsql: {baseline:F0} writes/s of the same rows, {baselineCpu:F1} µs CPU per write");

            var activations = new List<double>();
            var restarts = new List<double>();
            for (var round = 0; round < Restarts; round++)
            {
                var restart = Stopwatch.StartNew();
                await cluster.StopSiloAsync(cluster.Silos[0]);
                await cluster.StartSiloAsync();
                restarts.Add(restart.Elapsed.TotalMilliseconds);
                grains = Grains(cluster, grainCount);
                started = Stopwatch.GetTimestamp();
                await AllAsync(grains, static g => g.AddAsync("item-0", 0));
                activations.Add(grainCount / Stopwatch.GetElapsedTime(started).TotalSeconds);
                Console.WriteLine($"restart {round}: {activations[^1]:F0} stateful activations/s (each a read, then a write); the silo restarted in {restarts[^1]:F0} ms");
            }

            result = new Dictionary<string, object>
            {
                ["mode"] = "state",
                ["cores"] = Environment.ProcessorCount,
                ["storage"] = "postgresql",
                ["grains"] = grainCount,
                ["callers"] = callers,
                ["state_writes_per_sec"] = Math.Round(BenchResult.Median(writes.Rates)),
                ["state_write_p50_us"] = Math.Round(BenchResult.Median(writes.P50s), 1),
                ["state_write_p99_us"] = Math.Round(BenchResult.Median(writes.P99s), 1),
                ["state_write_cpu_us"] = Math.Round(BenchResult.Median(writes.CpuMicrosPerCall), 1),
                ["plain_npgsql_writes_per_sec"] = Math.Round(baseline),
                ["plain_npgsql_write_cpu_us"] = Math.Round(baselineCpu, 1),
                ["state_vs_plain_npgsql"] = Math.Round(BenchResult.Median(writes.Rates) / baseline, 2),
                ["stateful_activations_per_sec"] = Math.Round(BenchResult.Median(activations)),
                ["silo_restart_ms"] = Math.Round(BenchResult.Median(restarts)),
            };
        }
        finally
        {
            await database.DeleteServiceRowsAsync(serviceId, Console.Out);
        }

        return BenchResult.Print(result);
    }

    private static IInventoryGrain[] Grains(BenchCluster cluster, int count)
    {
        var factory = cluster.Silos[0].GrainFactory;
        var grains = new IInventoryGrain[count];
        for (var i = 0; i < count; i++)
            grains[i] = factory.GetGrain<IInventoryGrain>(i);
        return grains;
    }

    /// <summary>One write per call, cycling through the items so every write changes the state.</summary>
    private static Func<int, Task> WriteOf(IInventoryGrain[] grains)
    {
        var next = 0;
        return i => grains[i].AddAsync("item-" + (Interlocked.Increment(ref next) % ItemsPerGrain), 1);
    }

    /// <summary>One call to every grain, all in flight at once.</summary>
    private static async Task AllAsync(IInventoryGrain[] grains, Func<IInventoryGrain, Task> call)
    {
        var calls = new Task[grains.Length];
        for (var i = 0; i < grains.Length; i++)
            calls[i] = call(grains[i]);
        await Task.WhenAll(calls);
    }
}
