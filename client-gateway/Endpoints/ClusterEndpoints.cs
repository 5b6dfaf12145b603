using Cluster.GrainInterfaces.Cluster;
using Cluster.Gateway.Security;
using Cluster.Runtime;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Telemetry;

namespace Cluster.Gateway.Endpoints;

public static class ClusterEndpoints
{
    /// <summary>Admin views of the cluster: its silos, and activations and call statistics per grain type.</summary>
    public static void MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster").RequireAdminKey();

        cluster.MapGet("/silos", (IMembershipView membership) => new
        {
            version = membership.Version,
            silos = membership.Silos.Select(s => new
            {
                id = s.SiloId,
                endpoint = s.Endpoint,
                roles = s.Roles,
                status = s.Status.ToString(),
                startTime = s.StartTime,
                activationCount = s.ActivationCount,
            }),
        });

        cluster.MapGet("/stats", async (IMembershipView membership, IGrainFactory grains) =>
        {
            var active = membership.Silos.Where(s => s.Status == SiloStatus.Active).ToList();
            var asks = active.Select(s => grains.GetGrain<ISiloStatsGrain>(s.SiloId).GetAsync()).ToList();
            try
            {
                await Task.WhenAll(asks);
            }
            catch (Exception e) when (e is GrainRoutingException or NoCompatibleSiloException or SiloUnavailableException or GrainCallTimeoutException)
            {
                // A silo that left meanwhile is missing from the figures; the others still count.
            }
            return Merge([.. asks.Where(a => a.IsCompletedSuccessfully).Select(a => a.Result)]);
        });
    }

    /// <summary>Sums activations and calls over silos; latency percentiles come from the merged histograms.</summary>
    private static object Merge(SiloStats[] silos)
    {
        var activations = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var methods = new SortedDictionary<(string Type, string Method), (long Calls, long Errors, LatencyHistogram Latency)>();
        foreach (var silo in silos)
        {
            foreach (var (type, count) in silo.Activations)
                activations[type] = activations.GetValueOrDefault(type) + count;
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
            silos = silos.Length,
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
