using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cluster.Tests.Compute;
using Xunit;

namespace Cluster.Tests.Analytics;

/// <summary>Execution timestamps state their offset and fall in a plausible range; anything else stores nothing.</summary>
public sealed class TimestampInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("2026-03-01T10:00:00", "offset")]
    [InlineData("2026-03-01", "offset")]
    [InlineData("9999-12-31T00:00:00Z", "2000-01-01T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z")]
    [InlineData("not a time", "offset")]
    public async Task A_timestamp_without_an_offset_or_out_of_range_is_refused_and_stores_nothing(string timestamp, string explained)
    {
        var taskType = "stamp-" + Guid.NewGuid().ToString("N");

        var response = await Post(taskType, timestamp);

        var detail = await ProblemAssert.InvalidField(response, "[0].timestamp");
        Assert.Contains(explained, detail, StringComparison.Ordinal);
        var report = await fixture.Gateway.Client().GetFromJsonAsync<JsonElement>($"/api/v1/analytics/effectiveness?taskType={taskType}");
        Assert.Equal(0, report.GetProperty("groups").GetArrayLength());
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T11:00:00+01:00")]
    [InlineData("2026-03-01T10:00:00.125-05:30")]
    public async Task A_timestamp_with_an_offset_is_taken(string timestamp)
    {
        var response = await Post("stamp-ok", timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> Post(string taskType, string timestamp) =>
        fixture.Gateway.Client().PostAsync("/api/v1/analytics/executions", new StringContent(
            $$"""[{"taskType":"{{taskType}}","model":"m","provider":"p","executionTimeMs":10,"tokens":{"prompt":1,"completion":1,"total":2},"success":true,"complexity":"low","domain":"d","timestamp":"{{timestamp}}"}]""",
            Encoding.UTF8, "application/json"));
}
