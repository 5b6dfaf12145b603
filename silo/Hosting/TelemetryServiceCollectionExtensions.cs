using Cluster.Grains.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cluster.Silo.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Orleans' activity sources; grain-call spans also need AddActivityPropagation on silos and clients.</summary>
    public static readonly string[] OrleansSources =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Traces (Orleans' sources, ours and ASP.NET Core's) and metrics (Orleans' meter and ours), exported over OTLP
    /// when an endpoint is configured: Cluster:Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT. Hosts that
    /// serve their own readers (the gateway's /metrics) add them to the returned builder.
    /// </summary>
    public static OpenTelemetryBuilder AddClusterTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var endpoint = configuration["Cluster:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        Uri? otlp = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out otlp))
            throw new ClusterConfigurationException($"Cluster:Telemetry:OtlpEndpoint '{endpoint}' is not an absolute URI such as http://collector:4317.");

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter, ClusterTelemetry.Name);
                if (otlp is not null)
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansSources)
                .AddSource(ClusterTelemetry.Name, "Microsoft.AspNetCore")
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return telemetry;
    }
}
