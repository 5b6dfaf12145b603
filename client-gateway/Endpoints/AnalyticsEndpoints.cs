using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Endpoints.Analytics;
using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.Grains.Compute.Analytics;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Gateway.Endpoints;

public static class AnalyticsEndpoints
{
    /// <summary>
    /// Execution analytics: ingest batches of execution records (at most 10,000, all or nothing), and per task type
    /// the ranked parameter sets with their trend, the parameters that matter, and a recommendation.
    /// </summary>
    public static void MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("analytics");

        analytics.MapPost("/executions", async (List<ExecutionRecord?> records, IGrainFactory grains, CancellationToken ct) =>
        {
            // Bad batches are refused here without a grain call; the analytics grain validates again where the engine begins.
            ExecutionBatch.Validate(records);
            var ingested = await Analytics(grains).IngestAsync(new Immutable<IReadOnlyList<ExecutionRecord?>>(records), ct);
            return new IngestedExecutions(ingested);
        }).WithSummary("Ingest up to 10,000 execution records, all or nothing")
          .WithRequestExample("""[{"taskType":"summarize","parameters":{"temperature":0.2,"style":"brief"},"model":"m1","provider":"p1","executionTimeMs":812.5,"tokens":{"prompt":100,"completion":50,"total":150},"responseQuality":0.9,"userSatisfaction":4,"success":true,"complexity":"high","domain":"legal","timestamp":"2026-03-01T10:00:00Z"}]""");

        analytics.MapGet("/effectiveness", (string? taskType, IGrainFactory grains, CancellationToken ct) =>
            Analytics(grains).GetEffectivenessAsync(AnalyticsQueryText.Require(taskType, "taskType"), ct))
            .WithSummary("Parameter sets of a task type ranked by effectiveness, with their trend")
            .WithRequestExample(null, ("taskType", "summarize"));

        analytics.MapGet("/insights", (string? taskType, IGrainFactory grains, CancellationToken ct) =>
            Analytics(grains).GetInsightsAsync(AnalyticsQueryText.Require(taskType, "taskType"), ct))
            .WithSummary("The parameters that matter for a task type")
            .WithRequestExample(null, ("taskType", "summarize"));

        analytics.MapGet("/recommendation", (string? taskType, string? complexity, IGrainFactory grains, CancellationToken ct) =>
            Analytics(grains).GetRecommendationAsync(
                AnalyticsQueryText.Require(taskType, "taskType"), AnalyticsQueryText.Require(complexity, "complexity"), ct))
            .WithSummary("The recommended parameter set for a task type and complexity")
            .WithRequestExample(null, ("taskType", "summarize"), ("complexity", "high"));
    }

    private static IAnalyticsGrain Analytics(IGrainFactory grains) => grains.GetGrain<IAnalyticsGrain>(0);
}
