using Cluster.Runtime.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cluster.Silo.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Exports grain-call spans (and the ASP.NET Core request spans they nest under) and the runtime's meters over
    /// OTLP when an endpoint is configured: Cluster:Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT.
    /// </summary>
    public static IServiceCollection AddClusterTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var endpoint = configuration["Cluster:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
            return services;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InvalidOperationException($"Cluster:Telemetry:OtlpEndpoint '{endpoint}' is not an absolute URI such as http://collector:4317.");
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(RuntimeTelemetry.Name, "Microsoft.AspNetCore")
            .AddOtlpExporter(o => o.Endpoint = uri)
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(RuntimeTelemetry.Name)
            .AddOtlpExporter(o => o.Endpoint = uri)
            .Build());
        services.AddHostedService<TelemetryExport>();
        return services;
    }
}

/// <summary>Creates the exporters when the host starts; the container flushes and disposes them when it stops.</summary>
internal sealed class TelemetryExport(TracerProvider tracing, MeterProvider metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush(2_000);
        metrics.ForceFlush(2_000);
        return Task.CompletedTask;
    }
}
