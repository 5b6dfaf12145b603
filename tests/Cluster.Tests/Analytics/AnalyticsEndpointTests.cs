using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.Tests.Gateway;
using Xunit;
using static Cluster.Tests.Analytics.AnalyticsDataSets;

namespace Cluster.Tests.Analytics;

public sealed class AnalyticsEndpointTests
{
    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private static async Task<int> StoredCountAsync(HttpClient http, string taskType)
    {
        var report = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/effectiveness?taskType={taskType}");
        return report.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_batch_with_an_invalid_record_is_refused_naming_the_field_and_stores_nothing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var taskType = NewTaskType("invalid");
        var records = Generated(taskType, DateTimeOffset.UtcNow, 6);
        records[3] = records[3] with { Tokens = new TokenCounts(10, 5, 14) };

        await AssertInvalidAsync(await http.PostAsJsonAsync("/api/v1/analytics/executions", records), "[3].tokens.total");

        Assert.Equal(0, await StoredCountAsync(http, taskType));
    }

    [Fact]
    public async Task Records_a_database_cannot_store_or_a_batch_over_the_limit_are_refused()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var taskType = NewTaskType("limits");
        var records = Generated(taskType, DateTimeOffset.UtcNow, 10_001);
        var withNul = records[..2];
        withNul[1] = withNul[1] with { Model = "model\0x" };

        await AssertInvalidAsync(await http.PostAsJsonAsync("/api/v1/analytics/executions", withNul), "[1].model");
        using var tooMany = await http.PostAsJsonAsync("/api/v1/analytics/executions", records);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 10000 records", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, await StoredCountAsync(http, taskType));
    }

    [Fact]
    public async Task Malformed_bodies_are_a_400()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();

        using var notAnArray = await http.PostAsync("/api/v1/analytics/executions", new StringContent("""{"taskType":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        using var broken = await http.PostAsync("/api/v1/analytics/executions", new StringContent("[{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, notAnArray.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task Queries_without_their_parameters_are_refused_naming_them()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();

        await AssertInvalidAsync(await http.GetAsync("/api/v1/analytics/effectiveness"), "taskType");
        await AssertInvalidAsync(await http.GetAsync("/api/v1/analytics/insights?taskType=%20"), "taskType");
        await AssertInvalidAsync(await http.GetAsync("/api/v1/analytics/recommendation?complexity=low"), "taskType");
        await AssertInvalidAsync(await http.GetAsync("/api/v1/analytics/recommendation?taskType=chat"), "complexity");
        await AssertInvalidAsync(await http.GetAsync($"/api/v1/analytics/insights?taskType={new string('t', 201)}"), "taskType");
    }

    [Fact]
    public async Task A_task_type_without_executions_gets_empty_reports()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var taskType = NewTaskType("unseen");

        var effectiveness = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/effectiveness?taskType={taskType}");
        var insights = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/insights?taskType={taskType}");
        var recommendation = await http.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/recommendation?taskType={taskType}&complexity=low");

        Assert.Empty(effectiveness.GetProperty("groups").EnumerateArray());
        Assert.Equal("insufficient data", effectiveness.GetProperty("trend").GetProperty("metrics")[0].GetProperty("verdict").GetString());
        Assert.Empty(insights.GetProperty("parameters").EnumerateArray());
        Assert.Equal("none", recommendation.GetProperty("source").GetString());
    }
}
