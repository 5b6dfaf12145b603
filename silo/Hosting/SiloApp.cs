using Cluster.Silo.Health;
using Cluster.Silo.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Cluster.Silo.Hosting;

/// <summary>
/// The silo process: an Orleans silo (<see cref="ClusterSiloBuilderExtensions.UseClusterSilo"/>) with its telemetry,
/// and the health probes of <see cref="SiloHealthEndpoints"/> on the ASP.NET Core "urls" setting.
/// </summary>
public static class SiloApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseConsoleLogDefaults();
        builder.UseOrleans(silo => silo.UseClusterSilo(builder.Configuration));
        builder.Services.AddClusterTelemetry(builder.Configuration, "cluster-silo");
        builder.WebHost.UseSiloHealthUrls(builder.Configuration);
        var app = builder.Build();
        app.MapSiloHealthEndpoints();
        return app;
    }
}
