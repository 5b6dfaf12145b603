using System.Net;
using System.Text;
using System.Text.Json;
using Cluster.Tests.Compute;
using Xunit;

namespace Cluster.Tests.Gateway;

/// <summary>Every error is problem+json in the API's own terms: JSON kinds and paths, never .NET types; and each says what to do.</summary>
public sealed class ErrorStyleTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/api/v1/agents/feedback", """{"taskType":"t","agent":"a","success":true,"latencyMs":"1"}""", "latencyMs", "must be a number")]
    [InlineData("/api/v1/agents/feedback", """{"taskType":"t","agent":"a","success":"yes"}""", "success", "must be true or false")]
    [InlineData("/api/v1/mcts/search", """{"game":"connect4","position":"","algorithm":5}""", "algorithm", "must be a string")]
    [InlineData("/api/v1/mcts/search", """{"game":"connect4","position":"","iterations":1.5}""", "iterations", "must be an integer")]
    [InlineData("/api/v1/agents/plan", """{"taskType":"t","agents":{}}""", "agents", "must be a JSON array")]
    [InlineData("/api/v1/actors/snapshots/batch", """{"actorIds":["a"],"x":1}""", "x", "is not a known property")]
    [InlineData("/api/v1/analytics/executions", """{}""", "$", "must be a JSON array")]
    public async Task A_body_of_the_wrong_shape_is_described_in_json_terms_without_dotnet_names(string path, string body, string field, string expected)
    {
        var response = await fixture.Gateway.Client().PostAsync(path, Json(body));

        var detail = await ProblemAssert.InvalidField(response, field);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        AssertNoDotNet(detail);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_its_line_and_position()
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/mcts/search", Json("{\n  \"game\": \"connect4\",\n  \"position\" \"\"\n}"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal(14, problem.GetProperty("position").GetInt32());
        Assert.Contains("line 3, position 14", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    public async Task A_body_without_the_json_content_type_is_a_415_naming_the_expected_one(string? contentType)
    {
        using var content = new ByteArrayContent("""{"game":"connect4","position":""}"""u8.ToArray());
        if (contentType is not null)
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await fixture.Gateway.Client().PostAsync("/api/v1/mcts/search", content);

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/mcts/search")]
    [InlineData("/api/v1/actors/snapshots/batch")]
    public async Task An_empty_body_is_a_400_that_asks_for_a_json_body(string path)
    {
        var response = await fixture.Gateway.Client().PostAsync(path, Json(""));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("needs a JSON body", detail, StringComparison.Ordinal);
        AssertNoDotNet(detail);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_naming_the_methods_the_path_accepts()
    {
        var response = await fixture.Gateway.Client().DeleteAsync("/api/v1/agents/feedback");

        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("it accepts POST", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_stating_the_limit()
    {
        var huge = new byte[30_000_100];
        huge.AsSpan().Fill((byte)' ');
        using var content = new ByteArrayContent(huge);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        // The client waits for "100 Continue" before it sends the body, so it hears the 413 instead of a closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analytics/executions") { Content = content };
        request.Headers.ExpectContinue = true;

        var response = await fixture.Gateway.Client().SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("30,000,000 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/agents/plan", """{"taskType":"t","agents":["a"],"agnets":["b"]}""", "agnets")]
    [InlineData("/api/v1/mcts/search", """{"game":"connect4","position":"","iteration":5}""", "iteration")]
    [InlineData("/api/v1/studies", """{"name":"s","parameters":[{"name":"x","type":"float","low":0,"high":1,"step":1}],"objectives":[{"name":"y","direction":"minimize"}]}""", "parameters[0].step")]
    [InlineData("/api/v1/analytics/executions", """[{"taskType":"t","model":"m","provider":"p","executionTimeMs":1,"tokens":{"prompt":1,"completion":1,"total":2,"cached":1},"success":true,"complexity":"low","domain":"d","timestamp":"2026-01-01T00:00:00Z"}]""", "[0].tokens.cached")]
    [InlineData("/api/v1/analytics/executions", """[{"taskType":"t","model":"m","provider":"p","executionTimeMs":1,"tokens":{"promt":1,"completion":1,"total":2},"success":true,"complexity":"low","domain":"d","timestamp":"2026-01-01T00:00:00Z"}]""", "[0].tokens.promt")]
    [InlineData("/api/v1/agents/feedback", """{"taskType":"t","agent":"a","success":true,"latency":5}""", "latency")]
    public async Task An_unknown_property_is_refused_on_every_endpoint(string path, string body, string field)
    {
        var response = await fixture.Gateway.Client().PostAsync(path, Json(body));

        var detail = await ProblemAssert.InvalidField(response, field);
        AssertNoDotNet(detail);
    }

    [Fact]
    public async Task Token_counts_must_all_be_given()
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/analytics/executions",
            Json("""[{"taskType":"t","model":"m","provider":"p","executionTimeMs":1,"tokens":{"completion":1,"total":2},"success":true,"complexity":"low","domain":"d","timestamp":"2026-01-01T00:00:00Z"}]"""));

        var detail = await ProblemAssert.InvalidField(response, "[0].tokens");
        Assert.Contains("prompt", detail, StringComparison.Ordinal);
    }

    private static void AssertNoDotNet(string detail)
    {
        foreach (var leak in (string[])["System.", "Cluster.", "Nullable", ".NET", "Implicit body", "`1", "parameter \""])
            Assert.DoesNotContain(leak, detail, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
