using Cluster.Bench.Grains;

namespace Cluster.Bench;

/// <summary>
/// What callers see while the membership changes under steady load. Grains holding state on PostgreSQL (the
/// product's cluster storage) live on two silos; callers on the first silo write to them one call after another
/// without pause. Each round lets the cluster settle, starts a silo (it joins), then stops the oldest silo but the
/// first gracefully (it leaves, and the grains it held activate elsewhere from their stored state). Per phase it
/// reports calls that failed, p99 and max latency, and how long until every grain had answered a call started after
/// the change began (a phase lasts until they all have, 20 s at most). At the end each grain's stored version is checked against the writes acknowledged to it.
/// Usage: <c>hand-over [rounds=3] [--seconds N] [--grains N] [--callers N] [--connection CS]</c>; without a
/// connection string it starts a throw-away server with <c>deploy/postgres.sh</c>.
/// </summary>
internal static class HandOverMode
{
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = (int)BenchOptions.Positional(args, 0, 3);
        var settle = TimeSpan.FromSeconds(BenchOptions.IntOption(args, "--seconds", 2));
        var grainCount = BenchOptions.IntOption(args, "--grains", 500);
        var callerCount = BenchOptions.IntOption(args, "--callers", 32);
        await using var database = await BenchDatabase.OpenAsync(args, Console.Out);
        var (serviceId, settings) = database.SiloSettings("hand-over");
        Dictionary<string, object> result;
        try
        {
            await using var cluster = await BenchCluster.StartAsync([[], []], settings);
            var factory = cluster.Silos[0].GrainFactory;
            var grains = new IInventoryGrain[grainCount];
            var acknowledged = new long[grainCount];
            for (var i = 0; i < grainCount; i++)
            {
                grains[i] = factory.GetGrain<IInventoryGrain>(i);
                await grains[i].FillAsync(1);
                acknowledged[i] = 1;
            }

            Console.WriteLine($"{grainCount} grains: {Placement(await cluster.ActivationsAsync(nameof(InventoryGrain)))}");
            var load = new HandOverLoad(grains, acknowledged, callerCount);
            await Task.Delay(settle);

            var settled = new List<HandOverPhase>();
            var joins = new List<HandOverPhase>();
            var leaves = new List<HandOverPhase>();
            var moved = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                settled.Add(await HandOverPhase.RunAsync(load, AnswerLimit, "settled", grainCount, () => Task.CompletedTask, settle));
                joins.Add(await HandOverPhase.RunAsync(load, AnswerLimit, "join", grainCount, () => cluster.StartSiloAsync(), settle));
                var leaving = cluster.Silos[1];
                var held = await cluster.ActivationsAsync(nameof(InventoryGrain));
                moved.Add(held[leaving.Name]);
                Console.WriteLine($"round {round}: before the leave, {Placement(held)}");
                leaves.Add(await HandOverPhase.RunAsync(load, AnswerLimit, "leave", grainCount, () => cluster.StopSiloAsync(leaving), settle));
                Console.WriteLine($"round {round}: {settled[^1].Describe()}");
                Console.WriteLine($"round {round}: {joins[^1].Describe()}");
                Console.WriteLine($"round {round}: {leaves[^1].Describe()}; {moved[^1]} grains had to move");
            }

            var versions = await load.StopAsync();
            var stale = RepeatedVersions(versions);
            var (lost, unacknowledged) = await CompareStoredVersionsAsync(grains, acknowledged);
            Console.WriteLine($"stored versions: {lost} acknowledged writes lost, {unacknowledged} failed calls whose write was kept, {stale} versions answered twice");

            result = new Dictionary<string, object>
            {
                ["mode"] = "hand-over",
                ["cores"] = Environment.ProcessorCount,
                ["storage"] = "postgresql",
                ["grains"] = grainCount,
                ["callers"] = callerCount,
                ["rounds"] = rounds,
                ["settled_calls_per_sec"] = Math.Round(MedianOf(settled, static p => p.Calls / p.ElapsedSeconds)),
                ["settled_p99_ms"] = Math.Round(MedianOf(settled, static p => p.Latency.PercentileMicros(0.99) / 1000), 2),
                ["settled_max_ms"] = Math.Round(MedianOf(settled, static p => p.MaxMs), 1),
                ["settled_all_answered_ms"] = AllAnsweredMs(settled),
                ["join_failed_calls"] = SumOf(joins),
                ["join_p99_ms"] = Math.Round(MedianOf(joins, static p => p.Latency.PercentileMicros(0.99) / 1000), 2),
                ["join_max_ms"] = Math.Round(MedianOf(joins, static p => p.MaxMs), 1),
                ["join_all_answered_ms"] = AllAnsweredMs(joins),
                ["leave_grains_moved"] = BenchResult.Median(moved),
                ["leave_failed_calls"] = SumOf(leaves),
                ["leave_p99_ms"] = Math.Round(MedianOf(leaves, static p => p.Latency.PercentileMicros(0.99) / 1000), 2),
                ["leave_max_ms"] = Math.Round(MedianOf(leaves, static p => p.MaxMs), 1),
                ["leave_all_answered_ms"] = AllAnsweredMs(leaves),
                ["lost_writes"] = lost,
                ["stale_versions"] = stale,
                ["failed_calls_kept"] = unacknowledged,
            };
        }
        finally
        {
            await database.DeleteServiceRowsAsync(serviceId, Console.Out);
        }

        return BenchResult.Print(result);
    }

    /// <summary>Versions some grain answered more than once: a write that went to a copy of the grain holding stale state.</summary>
    private static int RepeatedVersions(List<long> versions)
    {
        versions.Sort();
        var repeated = 0;
        for (var i = 1; i < versions.Count; i++)
        {
            if (versions[i] == versions[i - 1])
                repeated++;
        }

        return repeated;
    }

    /// <summary>Acknowledged writes missing from the stored versions, and failed calls whose write was stored all the same.</summary>
    private static async Task<(long Lost, long Unacknowledged)> CompareStoredVersionsAsync(IInventoryGrain[] grains, long[] acknowledged)
    {
        long lost = 0;
        long unacknowledged = 0;
        for (var i = 0; i < grains.Length; i++)
        {
            var stored = await grains[i].VersionAsync();
            if (stored < acknowledged[i])
                lost += acknowledged[i] - stored;
            else
                unacknowledged += stored - acknowledged[i];
        }

        return (lost, unacknowledged);
    }

    private static string Placement(Dictionary<string, int> activations)
    {
        var parts = new List<string>(activations.Count);
        foreach (var (silo, count) in activations)
            parts.Add($"{count} on {silo}");
        return string.Join(", ", parts);
    }

    /// <summary>The median over the rounds, or how many rounds some grain never answered in.</summary>
    private static object AllAnsweredMs(List<HandOverPhase> phases)
    {
        var values = new List<double>(phases.Count);
        foreach (var phase in phases)
        {
            if (phase.AllAnsweredMs is { } ms)
                values.Add(ms);
        }

        return values.Count == phases.Count ? Math.Round(BenchResult.Median(values), 1) : $"not all grains answered in {phases.Count - values.Count} of {phases.Count} rounds";
    }

    private static double MedianOf(List<HandOverPhase> phases, Func<HandOverPhase, double> value)
    {
        var values = new List<double>(phases.Count);
        foreach (var phase in phases)
            values.Add(value(phase));
        return BenchResult.Median(values);
    }

    private static long SumOf(List<HandOverPhase> phases)
    {
        long failures = 0;
        foreach (var phase in phases)
            failures += phase.Failures;
        return failures;
    }
}
