using Cluster.Gateway.Security;
using Cluster.Runtime.Membership;

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

        cluster.MapGet("/stats", (Runtime.Hosting.Silo silo) => new
        {
            activations = silo.ActivationsByType(),
            grainTypes = silo.Statistics.Classes.OrderBy(c => c.GrainType, StringComparer.Ordinal).Select(c => new
            {
                grainType = c.GrainType,
                methods = c.Methods.OrderBy(m => m.Method, StringComparer.Ordinal).Select(m => new
                {
                    method = m.Method,
                    calls = m.Calls,
                    errors = m.Errors,
                    meanLatencyMs = Math.Round(m.Latency.MeanMicros / 1000.0, 3),
                    p99LatencyMs = Math.Round(m.Latency.PercentileMicros(0.99) / 1000.0, 3),
                }),
            }),
        });
    }
}
