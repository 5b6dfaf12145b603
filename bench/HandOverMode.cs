using System.Diagnostics;
using Cluster.Runtime;
using Cluster.Runtime.Testing;

namespace Cluster.Bench;

/// <summary>
/// Membership changes under callers: 10,000 stateful grains on two silos over loopback TCP. Each round calls every
/// grain once with the cluster settled (the baseline), then starts a third silo and at once calls every grain again
/// while the grains of its ring segments move to it, then stops it gracefully and calls every grain while they move
/// back. Every call is an acknowledged write whose returned version must follow the previous one, so a lost write
/// or a grain that started from stale state is counted, and so is a call that failed.
/// </summary>
internal static class HandOverMode
{
    private const int Grains = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var caller = cluster.Silos[0].GrainFactory;
        var versions = new long[Grains];
        var lost = 0;
        var failures = 0;
        await CallAllAsync(caller, versions, () => lost++, () => failures++);

        var settled = new List<double>();
        var joins = new List<double>();
        var leaves = new List<double>();
        var moved = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            settled.Add(await CallAllAsync(caller, versions, () => lost++, () => failures++));
            var added = await cluster.StartSiloAsync();
            joins.Add(await CallAllAsync(caller, versions, () => lost++, () => failures++));
            moved.Add(added.ActivationsByType().GetValueOrDefault("InventoryGrain"));
            var stopping = cluster.StopSiloAsync(added);
            leaves.Add(await CallAllAsync(caller, versions, () => lost++, () => failures++));
            await stopping;
            Console.WriteLine($"round {round}: all {Grains} grains called in {settled[^1]:F0} ms settled, {joins[^1]:F0} ms as a silo joined ({moved[^1]} moved to it), {leaves[^1]:F0} ms as it left; lost or stale: {lost}, failed calls: {failures}{(FirstFailure is null ? "" : $" (first: {FirstFailure})")}");
        }

        var settledMs = BenchResult.Median(settled);
        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "hand-over",
            ["cores"] = Environment.ProcessorCount,
            ["grains"] = Grains,
            ["grains_moved"] = BenchResult.Median(moved),
            ["settled_ms"] = Math.Round(settledMs, 1),
            ["silo_joins_ms"] = Math.Round(BenchResult.Median(joins), 1),
            ["silo_leaves_ms"] = Math.Round(BenchResult.Median(leaves), 1),
            ["join_ratio"] = Math.Round(BenchResult.Median(joins) / settledMs, 2),
            ["leave_ratio"] = Math.Round(BenchResult.Median(leaves) / settledMs, 2),
            ["lost_or_stale_writes"] = lost,
            ["failed_calls"] = failures,
        });
    }

    /// <summary>One acknowledged write to every grain, all in flight at once; returns the milliseconds until the last answered.</summary>
    private static async Task<double> CallAllAsync(IGrainFactory factory, long[] versions, Action lostOrStale, Action failed)
    {
        var started = Stopwatch.GetTimestamp();
        var calls = new Task<long>[Grains];
        for (var i = 0; i < Grains; i++)
            calls[i] = AddGoldAsync(factory.GetGrain<IInventoryGrain>(i));
        await Task.WhenAll(calls);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        for (var i = 0; i < Grains; i++)
        {
            var version = calls[i].Result;
            if (version == Failed)
            {
                failed();
                versions[i] = Unknown;
                continue;
            }
            if (versions[i] != Unknown && version != versions[i] + 1)
                lostOrStale();
            versions[i] = version;
        }
        return elapsed;
    }

    private static string? FirstFailure;
    private const long Failed = -1;
    private const long Unknown = -2;

    /// <summary>The grain's new version, or <see cref="Failed"/> when the call failed (its caller would retry).</summary>
    private static async Task<long> AddGoldAsync(IInventoryGrain grain)
    {
        try
        {
            return await grain.AddAsync("gold", 1);
        }
        catch (Exception e)
        {
            FirstFailure ??= e.GetType().Name + ": " + e.Message;
            return Failed;
        }
    }
}
