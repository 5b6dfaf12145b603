using Cluster.GrainInterfaces.Cluster;
using Cluster.Gateway.Security;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Gateway.Endpoints;

public static class ClusterEndpoints
{
    // A hung silo is declared dead within seconds; until then it must not hold the admin views up for long.
    private static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Admin views of the cluster: its silos, and activations and call statistics per grain type.</summary>
    public static void MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster").RequireAdminKey().WithTags("cluster");

        cluster.MapGet("/silos", async (IGrainFactory grains) =>
        {
            var management = grains.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetDetailedHosts(onlyActive: false).WaitAsync(SiloAnswerTimeout);
            var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
            var activationsAsk = ActivationsOf(management, active);
            var statsAsk = StatsOf(grains, active);
            var (activations, stats) = (await activationsAsk, await statsAsk);
            var bySilo = new Dictionary<SiloAddress, int>();
            foreach (var stat in activations)
                bySilo[stat.SiloAddress] = bySilo.GetValueOrDefault(stat.SiloAddress) + stat.ActivationCount;
            return new
            {
                // The newest membership version any silo has seen.
                version = stats.Count == 0 ? 0 : stats.Values.Max(s => s.MembershipVersion),
                silos = hosts.OrderBy(h => h.StartTime).Select(h => new
                {
                    id = h.SiloName,
                    endpoint = h.SiloAddress.Endpoint.ToString(),
                    roles = stats.TryGetValue(h.SiloAddress, out var s) ? s.Roles : [],
                    status = h.Status.ToString(),
                    startTime = new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                    activationCount = bySilo.GetValueOrDefault(h.SiloAddress),
                }),
            };
        });

        cluster.MapGet("/stats", async (IGrainFactory grains) =>
        {
            var management = grains.GetGrain<IManagementGrain>(0);
            var active = (await management.GetHosts(onlyActive: true).WaitAsync(SiloAnswerTimeout)).Keys.ToArray();
            var activationsAsk = ActivationsOf(management, active);
            var statsAsk = StatsOf(grains, active);
            var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var stat in await activationsAsk)
            {
                if (stat.GrainType.StartsWith("Orleans", StringComparison.Ordinal))
                    continue;
                var type = GrainClassName(stat.GrainType);
                byType[type] = byType.GetValueOrDefault(type) + stat.ActivationCount;
            }

            return Merge((await statsAsk).Values, byType);
        });
    }

    /// <summary>Activations per silo and grain type, asked of each silo alone so that a hung one costs only its own figures.</summary>
    private static async Task<List<SimpleGrainStatistic>> ActivationsOf(IManagementGrain management, SiloAddress[] silos)
    {
        var asks = silos.Select(s => management.GetSimpleGrainStatistics([s]).WaitAsync(SiloAnswerTimeout)).ToArray();
        await WhenAnswered(asks);
        var statistics = new List<SimpleGrainStatistic>();
        foreach (var ask in asks)
        {
            if (ask.IsCompletedSuccessfully)
                statistics.AddRange(ask.Result);
        }

        return statistics;
    }

    /// <summary>Waits for every ask; a silo that left, hung or timed out is missing from the figures, the others still count.</summary>
    private static async Task WhenAnswered(Task[] asks)
    {
        try
        {
            await Task.WhenAll(asks);
        }
        catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
                                      or GrainInterfaces.NoCompatibleSiloException)
        {
        }
    }

    /// <summary>Each active silo's own figures; a silo that left while they were gathered is missing from them.</summary>
    private static async Task<Dictionary<SiloAddress, SiloStats>> StatsOf(IGrainFactory grains, SiloAddress[] silos)
    {
        var asks = silos.Select(s => grains.GetGrain<ISiloStatsGrain>(s.ToParsableString()).GetAsync().WaitAsync(SiloAnswerTimeout)).ToArray();
        await WhenAnswered(asks);

        var stats = new Dictionary<SiloAddress, SiloStats>();
        for (var i = 0; i < silos.Length; i++)
        {
            if (asks[i].IsCompletedSuccessfully)
                stats[silos[i]] = asks[i].Result;
        }

        return stats;
    }

    /// <summary>Orleans names grain types by class and assembly ("Ns.HealthGrain,Assembly"); the admin views use the class name alone.</summary>
    private static string GrainClassName(string grainType)
    {
        var end = grainType.IndexOfAny(['`', ',']);
        var name = end < 0 ? grainType : grainType[..end];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>Sums calls over silos; latency percentiles come from the merged histograms.</summary>
    private static object Merge(IEnumerable<SiloStats> silos, SortedDictionary<string, int> activations)
    {
        var count = 0;
        var methods = new SortedDictionary<(string Type, string Method), (long Calls, long Errors, LatencyHistogram Latency)>();
        foreach (var silo in silos)
        {
            count++;
            foreach (var m in silo.Methods)
            {
                var key = (m.GrainType, m.Method);
                var entry = methods.TryGetValue(key, out var e) ? e : (0L, 0L, new LatencyHistogram());
                entry.Item3.Merge(m.LatencyBuckets, m.LatencySumMicros);
                methods[key] = (entry.Item1 + m.Calls, entry.Item2 + m.Errors, entry.Item3);
            }
        }

        return new
        {
            silos = count,
            activations,
            grainTypes = methods.GroupBy(m => m.Key.Type).Select(g => new
            {
                grainType = g.Key,
                methods = g.Select(m => new
                {
                    method = m.Key.Method,
                    calls = m.Value.Calls,
                    errors = m.Value.Errors,
                    meanLatencyMs = Math.Round(m.Value.Latency.MeanMicros / 1000.0, 3),
                    p99LatencyMs = Math.Round(m.Value.Latency.PercentileMicros(0.99) / 1000.0, 3),
                }),
            }),
        };
    }
}
