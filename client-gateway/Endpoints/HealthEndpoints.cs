using Cluster.GrainInterfaces.Health;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Gateway.Endpoints;

public static class HealthEndpoints
{
    /// <summary>/healthz: the process is up. /readyz: the cluster answers a grain call.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).WithTags("health").WithSummary("The process is up");
        app.MapGet("/readyz", async (IGrainFactory grains, CancellationToken ct) =>
        {
            try
            {
                var report = await grains.GetGrain<IHealthGrain>(0).CheckAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
                return Results.Ok(new { status = "ready", silo = report.SiloId, time = report.Time });
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or SiloUnavailableException
                                          or OrleansMessageRejectionException or OrleansException)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: e.Message);
            }
        }).WithTags("health").WithSummary("The cluster answers a grain call");
    }
}
