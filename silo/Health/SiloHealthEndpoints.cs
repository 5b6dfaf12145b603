using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;

namespace Cluster.Silo.Health;

/// <summary>
/// The silo's own probes, for container health checks and Kubernetes: /healthz answers while the process runs,
/// /readyz only while the silo is an active member of the cluster (503 while it joins or once it has begun to leave).
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
        app.MapGet("/readyz", (ISiloStatusOracle membership, ILocalSiloDetails silo) =>
        {
            var status = membership.CurrentStatus;
            return status == SiloStatus.Active
                ? Results.Ok(new { status = "ready", silo = silo.Name })
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                    detail: $"Silo {silo.Name} is {status}, not an active member of the cluster.");
        });
    }
}
