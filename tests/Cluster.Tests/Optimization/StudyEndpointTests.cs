using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.Optimization;

public sealed class StudyEndpointTests
{
    private const string OneFloat = """
        {"name":"line","parameters":[{"name":"x","type":"float","low":0,"high":1}],
         "objectives":[{"name":"loss","direction":"minimize"}],"sampler":"gp","seed":11}
        """;

    private const string TwoObjectives = """
        {"name":"front","parameters":[{"name":"x","type":"float","low":0,"high":1},{"name":"n","type":"int","low":1,"high":5}],
         "objectives":[{"name":"cost","direction":"minimize"},{"name":"error","direction":"minimize"}],"sampler":"random","seed":2}
        """;

    private const string SixArms = """
        {"name":"arms","parameters":[{"name":"arm","type":"categorical","choices":["a","b","c","d","e","f"]}],
         "objectives":[{"name":"reward","direction":"maximize"}],"sampler":"thompson"}
        """;

    internal static async Task<string> CreateAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("/api/v1/studies", Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var studyId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studyId").GetString()!;
        Assert.Equal($"/api/v1/studies/{studyId}", response.Headers.Location!.OriginalString);
        return studyId;
    }

    internal static async Task<JsonElement> AskAsync(HttpClient http, string studyId)
    {
        using var response = await http.PostAsync($"/api/v1/studies/{studyId}/trials/ask", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static Task<HttpResponseMessage> TellAsync(HttpClient http, string studyId, object trialId, string body) =>
        http.PostAsync($"/api/v1/studies/{studyId}/trials/{trialId}/tell", Json(body));

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ViewAsync(HttpClient http, string studyId) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/v1/studies/{studyId}");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (field is not null)
            Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_ask_tell_loop_ends_with_the_best_trial_in_the_view()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var studyId = await CreateAsync(http, OneFloat);

        var told = new Dictionary<int, double>();
        for (var i = 0; i < 8; i++)
        {
            var trial = await AskAsync(http, studyId);
            var x = trial.GetProperty("params").GetProperty("x").GetDouble();
            var loss = (x - 0.3) * (x - 0.3);
            using var tell = await TellAsync(http, studyId, trial.GetProperty("trialId").GetInt32(), $$"""{"values":[{{loss.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}]}""");
            Assert.Equal(HttpStatusCode.OK, tell.StatusCode);
            told[trial.GetProperty("trialId").GetInt32()] = loss;
        }

        var view = await ViewAsync(http, studyId);
        Assert.Equal(studyId, view.GetProperty("studyId").GetString());
        Assert.Equal(8, view.GetProperty("trials").GetArrayLength());
        Assert.All(view.GetProperty("trials").EnumerateArray(), t => Assert.Equal("complete", t.GetProperty("state").GetString()));
        var best = view.GetProperty("best");
        var expected = told.MinBy(kv => kv.Value);
        Assert.Equal(expected.Key, best.GetProperty("id").GetInt32());
        Assert.Equal(expected.Value, best.GetProperty("values")[0].GetDouble());
        Assert.False(view.TryGetProperty("paretoFront", out _));
    }

    [Fact]
    public async Task A_study_with_two_objectives_shows_its_pareto_front()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var studyId = await CreateAsync(http, TwoObjectives);
        string[] results = ["[1, 5]", "[2, 2]", "[3, 3]", "[5, 1]"];
        foreach (var values in results)
        {
            var trial = await AskAsync(http, studyId);
            using var tell = await TellAsync(http, studyId, trial.GetProperty("trialId").GetInt32(), $$"""{"values":{{values}}}""");
            Assert.Equal(HttpStatusCode.OK, tell.StatusCode);
        }

        var view = await ViewAsync(http, studyId);

        // (3, 3) is dominated by (2, 2); the other three trade one objective for the other.
        Assert.Equal([0, 1, 3], view.GetProperty("paretoFront").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()));
        Assert.False(view.TryGetProperty("best", out _));
    }

    [Fact]
    public async Task Concurrent_asks_over_http_get_distinct_trials()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var studyId = await CreateAsync(http, SixArms);

        var asks = new Task<JsonElement>[6];
        for (var i = 0; i < asks.Length; i++)
            asks[i] = AskAsync(http, studyId);
        var trials = await Task.WhenAll(asks);

        Assert.Equal([0, 1, 2, 3, 4, 5], trials.Select(t => t.GetProperty("trialId").GetInt32()).Order());
        Assert.Equal(["a", "b", "c", "d", "e", "f"], trials.Select(t => t.GetProperty("params").GetProperty("arm").GetString()).Order());
    }

    [Fact]
    public async Task Telling_a_finished_trial_is_a_409_and_keeps_the_first_result()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var studyId = await CreateAsync(http, OneFloat);
        var trialId = (await AskAsync(http, studyId)).GetProperty("trialId").GetInt32();
        using var first = await TellAsync(http, studyId, trialId, """{"state":"failed"}""");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await TellAsync(http, studyId, trialId, """{"values":[0.5]}""");

        await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("failed", (await ViewAsync(http, studyId)).GetProperty("trials")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Unknown_studies_and_trials_are_404()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var studyId = await CreateAsync(http, OneFloat);
        var unknown = Guid.NewGuid().ToString("N");

        await AssertProblemAsync(await http.GetAsync($"/api/v1/studies/{unknown}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.GetAsync("/api/v1/studies/not-a-study"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.PostAsync($"/api/v1/studies/{unknown}/trials/ask", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await TellAsync(http, unknown, 0, """{"values":[1]}"""), HttpStatusCode.NotFound);
        await AssertProblemAsync(await TellAsync(http, studyId, 99, """{"values":[1]}"""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_the_field_and_changes_nothing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client();
        var studyId = await CreateAsync(http, OneFloat);
        var trialId = (await AskAsync(http, studyId)).GetProperty("trialId").GetInt32();

        await AssertProblemAsync(await http.PostAsync("/api/v1/studies", Json(OneFloat.Replace("\"high\":1", "\"high\":-1", StringComparison.Ordinal))),
            HttpStatusCode.BadRequest, "parameters[0].high");
        await AssertProblemAsync(await http.PostAsync("/api/v1/studies", Json(OneFloat.Replace("\"gp\"", "\"annealing\"", StringComparison.Ordinal))),
            HttpStatusCode.BadRequest, "sampler");
        await AssertProblemAsync(await http.PostAsync("/api/v1/studies", Json("{\"name\":")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await TellAsync(http, studyId, trialId, """{"values":[1, 2]}"""), HttpStatusCode.BadRequest, "values");
        await AssertProblemAsync(await TellAsync(http, studyId, trialId, """{"state":"exploded"}"""), HttpStatusCode.BadRequest, "state");
        await AssertProblemAsync(await TellAsync(http, studyId, "first", """{"values":[1]}"""), HttpStatusCode.BadRequest, "trialId");

        var trial = Assert.Single((await ViewAsync(http, studyId)).GetProperty("trials").EnumerateArray().ToList());
        Assert.Equal("running", trial.GetProperty("state").GetString());
    }
}
