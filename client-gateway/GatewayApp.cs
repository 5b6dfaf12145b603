using System.Text.Json.Serialization;
using Cluster.Gateway.Dashboard;
using Cluster.Gateway.Endpoints.Vision;
using Cluster.Gateway.Endpoints;
using Cluster.Gateway.Errors;
using Cluster.Gateway.Logging;
using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Security;
using Cluster.Grains.Chat;
using Cluster.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace Cluster.Gateway;

/// <summary>
/// The HTTP gateway: translates HTTP to grain calls. With no cluster configured it co-hosts one Orleans silo with
/// localhost clustering and in-memory storage (the embedded default) and listens on http://127.0.0.1:5080; with
/// Cluster:Redis it is an Orleans client of that cluster.
/// </summary>
public static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseGatewayLogging();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // With Cluster:Redis the gateway joins that cluster as a client; otherwise it hosts the embedded silo.
        var embedded = string.IsNullOrWhiteSpace(builder.Configuration["Cluster:Redis"]);
        // The embedded silo serves vision on this machine's devices (the CPU without CUDA) unless roles are configured.
        if (embedded && !builder.Configuration.GetSection("Cluster:Roles").Exists() && builder.Configuration.GetValue("Vision:Embedded", true))
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Roles:0"] = ClusterSiloBuilderExtensions.VisionRole });
        if (embedded)
            builder.UseOrleans(silo => silo.UseClusterSilo(builder.Configuration));
        else
            builder.UseOrleansClient(client => client.UseClusterClient(builder.Configuration).AddDashboard());
        builder.Services.AddSingleton(ApiKeys.FromConfiguration(builder.Configuration, embedded));
        builder.Services.AddDashboardAccess();
        builder.Services.AddChatEvents(builder.Configuration);
        builder.Services.AddClusterTelemetry(builder.Configuration, "cluster-gateway")
            .WithMetrics(metrics => metrics.AddPrometheusExporter());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(VisionUploads.Decoder(builder.Configuration));
        builder.Services.AddProblemDetails();
        builder.Services.AddGatewayOpenApi();
        builder.Services.AddExceptionHandler<GrainExceptionHandler>();
        // Body binding failures reach the exception handler, which names the offending JSON field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        var app = builder.Build();
        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.MapGatewayReference();
        app.MapHealthEndpoints();
        app.MapSchemaEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(DashboardSchemes.AdminPolicy);
        app.MapAdminDashboard().ExcludeFromDescription();
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>();
        api.MapClusterEndpoints();
        api.MapMctsEndpoints();
        api.MapAgentEndpoints();
        api.MapActorEndpoints();
        api.MapActorCoreEndpoints();
        api.MapStudyEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapTenantEndpoints();
        api.MapKnowledgeBaseEndpoints();
        api.MapKnowledgeDocumentEndpoints();
        api.MapChatEndpoints();
        api.MapVisionEndpoints();
        return app;
    }
}
