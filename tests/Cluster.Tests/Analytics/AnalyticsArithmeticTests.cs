using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.Grains.Compute.Analytics;
using Cluster.Tests.Gateway;
using Cluster.Tests.Optimization;
using Xunit;
using static Cluster.Tests.Analytics.AnalyticsDataSets;

namespace Cluster.Tests.Analytics;

/// <summary>
/// The analytics endpoints' arithmetic end to end — HTTP, analytics grain, execution store — on known data, for each
/// store the gateway can be configured with. Task types are unique per run, so a shared database does not matter.
/// </summary>
public abstract class AnalyticsArithmeticTests
{
    protected abstract Task<GatewayHost> StartGatewayAsync();

    internal static async Task PostAsync(HttpClient http, IReadOnlyList<ExecutionRecord> records)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/analytics/executions", records);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(records.Count, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingested").GetInt32());
    }

    [Fact]
    public async Task Effectiveness_of_a_known_set_matches_hand_computed_values()
    {
        await using var gateway = await StartGatewayAsync();
        using var http = gateway.Client();
        var taskType = NewTaskType("summarize");
        await PostAsync(http, KnownSet(taskType, DateTimeOffset.UtcNow));

        var report = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/effectiveness?taskType={taskType}");

        var groups = report.GetProperty("groups");
        Assert.Equal(2, groups.GetArrayLength());
        var (b, a) = (groups[0], groups[1]);
        Assert.Equal(0.7, b.GetProperty("parameters").GetProperty("temperature").GetDouble());
        Assert.Equal(4, a.GetProperty("count").GetInt64());
        Assert.Equal(0.75, a.GetProperty("successRate").GetDouble(), 9);
        Assert.Equal(250, a.GetProperty("meanLatencyMs").GetDouble(), 9);
        Assert.Equal(385, a.GetProperty("p95LatencyMs").GetDouble(), 9);
        Assert.Equal(75, a.GetProperty("meanPromptTokens").GetDouble(), 9);
        Assert.Equal(55, a.GetProperty("meanCompletionTokens").GetDouble(), 9);
        Assert.Equal(130, a.GetProperty("meanTotalTokens").GetDouble(), 9);
        Assert.Equal(0.7, a.GetProperty("meanQuality").GetDouble(), 9);
        Assert.Equal(3.5, a.GetProperty("meanSatisfaction").GetDouble(), 9);
        Assert.Equal(0.7575, a.GetProperty("score").GetDouble(), 9);
        Assert.Equal(3, b.GetProperty("count").GetInt64());
        Assert.Equal(200, b.GetProperty("meanLatencyMs").GetDouble(), 9);
        Assert.Equal(285, b.GetProperty("p95LatencyMs").GetDouble(), 9);
        Assert.Equal(14.0 / 3, b.GetProperty("meanSatisfaction").GetDouble(), 9);
        Assert.Equal(0.895, b.GetProperty("score").GetDouble(), 9);
        // Set B ran in the earlier week, set A in the last one.
        var success = report.GetProperty("trend").GetProperty("metrics")[0];
        Assert.Equal("successRate", success.GetProperty("metric").GetString());
        Assert.Equal(3, success.GetProperty("earlierCount").GetInt64());
        Assert.Equal(4, success.GetProperty("recentCount").GetInt64());
        Assert.Equal(1.0, success.GetProperty("earlier").GetDouble(), 9);
        Assert.Equal(0.75, success.GetProperty("recent").GetDouble(), 9);
        var latency = report.GetProperty("trend").GetProperty("metrics")[1];
        Assert.Equal(200, latency.GetProperty("earlier").GetDouble(), 9);
        Assert.Equal(250, latency.GetProperty("recent").GetDouble(), 9);
    }

    [Fact]
    public async Task Reports_equal_the_engines_over_the_same_executions()
    {
        await using var gateway = await StartGatewayAsync();
        using var http = gateway.Client();
        var taskType = NewTaskType("classify");
        var now = DateTimeOffset.UtcNow;
        var records = Generated(taskType, now, 180);
        await PostAsync(http, records[..100]);
        await PostAsync(http, records[100..]);
        var executions = ExecutionBatch.Validate(records);

        var effectiveness = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/effectiveness?taskType={taskType}");
        var insights = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/insights?taskType={taskType}");
        var low = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/recommendation?taskType={taskType}&complexity=low");
        var high = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/recommendation?taskType={taskType}&complexity=high");

        // Executions are an odd number of hours old, so a clock a few seconds on cannot move one across a window.
        var expected = AnalyticsQueries.EffectivenessOf(executions, taskType, now, AnalyticsGrain.TrendWindow);
        JsonAssert.Equivalent(expected.Groups, effectiveness.GetProperty("groups"));
        JsonAssert.Equivalent(expected.Trend.Metrics, effectiveness.GetProperty("trend").GetProperty("metrics"));
        JsonAssert.Equivalent(AnalyticsQueries.InsightsOf(executions, taskType), insights);
        JsonAssert.Equivalent(AnalyticsQueries.RecommendationFor(executions, taskType, "low"), low);
        JsonAssert.Equivalent(AnalyticsQueries.RecommendationFor(executions, taskType, "high"), high);
        Assert.Equal("analytics", low.GetProperty("source").GetString());
        Assert.Equal(3, expected.Groups.Count);
        Assert.NotEmpty(insights.GetProperty("parameters").EnumerateArray());
    }

    [Fact]
    public async Task Without_enough_executions_the_newest_study_named_like_the_task_type_is_recommended()
    {
        await using var gateway = await StartGatewayAsync();
        using var http = gateway.Client();
        var taskType = NewTaskType("route");
        var spec = $$"""
            {"name":"{{taskType}}","parameters":[{"name":"temperature","type":"float","low":0,"high":1}],
             "objectives":[{"name":"quality","direction":"maximize"}],"sampler":"random","seed":4}
            """;
        var older = await CreateStudyWithResultsAsync(http, spec, 0.95);
        var newer = await CreateStudyWithResultsAsync(http, spec, 0.2, 0.9, 0.5);
        await StudyEndpointTests.AskAsync(http, await StudyEndpointTests.CreateAsync(http, spec));
        await PostAsync(http, KnownSet(taskType, DateTimeOffset.UtcNow));

        var recommendation = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/recommendation?taskType={taskType}&complexity=low");

        // The newest study has no result yet; the next newest one's best trial (the 0.9) is recommended, not the older 0.95.
        Assert.NotEqual(older.StudyId, newer.StudyId);
        Assert.Equal("study", recommendation.GetProperty("source").GetString());
        var study = recommendation.GetProperty("study");
        Assert.Equal(newer.StudyId, study.GetProperty("study").GetString());
        Assert.Equal([0.9], study.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(newer.Trials[1], recommendation.GetProperty("parameters").GetProperty("temperature").GetDouble());
        Assert.Equal(2, recommendation.GetProperty("candidateSets").GetInt32());
    }

    /// <summary>Creates a study and completes one trial per value; returns its id and each trial's temperature.</summary>
    private static async Task<(string StudyId, double[] Trials)> CreateStudyWithResultsAsync(HttpClient http, string spec, params double[] values)
    {
        var studyId = await StudyEndpointTests.CreateAsync(http, spec);
        var temperatures = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var trial = await StudyEndpointTests.AskAsync(http, studyId);
            temperatures[i] = trial.GetProperty("params").GetProperty("temperature").GetDouble();
            var body = $$"""{"values":[{{values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}}]}""";
            using var tell = await StudyEndpointTests.TellAsync(http, studyId, trial.GetProperty("trialId").GetInt32(), body);
            Assert.Equal(HttpStatusCode.OK, tell.StatusCode);
        }
        return (studyId, temperatures);
    }
}
