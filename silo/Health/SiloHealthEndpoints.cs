using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Cluster.Grains.Vision.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Cluster.Silo.Health;

/// <summary>
/// The silo's own probes, for container health checks and Kubernetes: /healthz answers while the process runs,
/// /readyz only while the silo is an active member of the cluster (503 while it joins or once it has begun to leave)
/// and, on a gpu silo, while at least one of its vision devices is healthy (each device's state is in the answer).
/// </summary>
public static class SiloHealthEndpoints
{
    /// <summary>
    /// Serves the probes on the ASP.NET Core "urls" setting (ASPNETCORE_URLS, --urls). Without one they listen on a
    /// free loopback port, so that several silos on one machine never contend for a port they do not use.
    /// </summary>
    public static IWebHostBuilder UseSiloHealthUrls(this IWebHostBuilder web, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["urls"]))
            web.UseUrls("http://127.0.0.1:0");
        return web;
    }

    public static void MapSiloHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/readyz", (ISiloStatusOracle membership, ILocalSiloDetails silo, IServiceProvider services) =>
        {
            var status = membership.CurrentStatus;
            if (status != SiloStatus.Active)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                    detail: $"Silo {silo.Name} is {status}, not an active member of the cluster.");
            }

            if (services.GetService<VisionDevices>() is not { } vision)
                return Results.Ok(new { status = "ready", silo = silo.Name });
            var devices = new List<object>();
            var healthy = 0;
            foreach (var device in vision.All)
            {
                var problem = vision.Problem(device.Id);
                healthy += problem is null ? 1 : 0;
                devices.Add(new { device = device.Id, healthy = problem is null, problem });
            }

            return healthy > 0
                ? Results.Ok(new { status = "ready", silo = silo.Name, devices })
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                    detail: $"Gpu silo {silo.Name} has no healthy vision device.", extensions: new Dictionary<string, object?> { ["devices"] = devices });
        });
    }
}
