using Cluster.GrainInterfaces.Health;
using Cluster.Runtime;

namespace Cluster.Gateway.Endpoints;

public static class HealthEndpoints
{
    /// <summary>/healthz: the process is up. /readyz: the cluster answers a grain call.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/readyz", async (IGrainFactory grains, CancellationToken ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                var report = await grains.GetGrain<IHealthGrain>(0).CheckAsync().WaitAsync(timeout.Token);
                return Results.Ok(new { status = "ready", silo = report.SiloId, time = report.Time });
            }
            catch (Exception e) when (e is OperationCanceledException or SiloUnavailableException or GrainCallTimeoutException)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: e.Message);
            }
        });
    }
}
