using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute;
using Xunit;

namespace Cluster.Tests.Compute;

public sealed class AgentEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Feedback_moves_the_plan_to_the_agent_that_succeeds()
    {
        const string plan = """{"taskType":"summarise","agents":["alpha","beta"],"maxLength":2,"iterations":500,"seed":7}""";
        var before = await Plan(plan);
        Assert.Equal("alpha", before.Plan[0]);

        for (var i = 0; i < 15; i++)
        {
            await Feedback($$"""{"taskType":"summarise","agent":"alpha","success":false,"latencyMs":900}""");
            await Feedback($$"""{"taskType":"summarise","agent":"beta","success":true,"latencyMs":300}""");
        }

        var after = await Plan(plan);
        Assert.Equal("beta", after.Plan[0]);
        Assert.True(after.SuccessProbability > 0.9, $"success {after.SuccessProbability}");
        Assert.True(after.Confidence > 0.5, $"confidence {after.Confidence}");
    }

    [Fact]
    public async Task Feedback_on_one_task_type_leaves_the_others_alone()
    {
        for (var i = 0; i < 10; i++)
            await Feedback("""{"taskType":"translate","agent":"alpha","success":false}""");

        var other = await Plan("""{"taskType":"classify","agents":["alpha","beta"],"maxLength":1,"iterations":200,"seed":1}""");

        Assert.Equal(["alpha"], other.Plan);
        Assert.Empty((await Models("classify")).Agents);
    }

    [Fact]
    public async Task Feedback_answers_with_the_stored_model_of_the_agent()
    {
        await Feedback("""{"taskType":"extract","agent":"gamma","success":true,"latencyMs":200,"cost":0.5}""");
        var response = await Feedback("""{"taskType":"extract","agent":"gamma","success":false}""");

        var model = await response.Content.ReadFromJsonAsync<AgentModel>(JsonSerializerOptions.Web);
        Assert.Equal("gamma", model!.Agent);
        Assert.Equal("extract", model.TaskType);
        Assert.Equal(2, model.Feedbacks);
        Assert.Equal(new BetaPosterior(2, 2), model.Success);
        Assert.Equal(2, model.LatencyMs.Kappa);
        Assert.Equal(2, model.Cost.Kappa);
        var stored = (await Models("extract")).Agents["gamma"];
        Assert.Equal(model, stored);
    }

    [Fact]
    public async Task The_plan_answer_has_the_documented_camel_case_fields()
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/agents/plan",
            Json("""{"taskType":"route","agents":["a","b","c"],"iterations":300,"seed":2}"""));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(
            ["plan", "confidence", "expectedReward", "successProbability", "expectedLatencyMs", "expectedCost", "alternatives", "iterations", "plansExplored"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(300, root.GetProperty("iterations").GetInt32());
        Assert.NotEqual(0, root.GetProperty("alternatives").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"agents":["a"]}""", "taskType")]
    [InlineData("""{"taskType":" ","agents":["a"]}""", "taskType")]
    [InlineData("""{"taskType":"t"}""", "agents")]
    [InlineData("""{"taskType":"t","agents":[]}""", "agents")]
    [InlineData("""{"taskType":"t","agents":["a",""]}""", "agents[1]")]
    [InlineData("""{"taskType":"t","agents":["a","b","a"]}""", "agents[2]")]
    [InlineData("""{"taskType":"t","agents":["a"],"maxLength":0}""", "maxLength")]
    [InlineData("""{"taskType":"t","agents":["a"],"maxLength":9}""", "maxLength")]
    [InlineData("""{"taskType":"t","agents":["a"],"iterations":0}""", "iterations")]
    [InlineData("""{"taskType":"t","agents":["a"],"iterations":200001}""", "iterations")]
    [InlineData("""{"taskType":"t","agents":["a"],"objective":{"costWeight":-1}}""", "objective.costWeight")]
    public async Task An_invalid_plan_field_is_a_400_naming_it(string body, string field)
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/agents/plan", Json(body));

        await ProblemAssert.InvalidField(response, field);
    }

    [Theory]
    [InlineData("""{"agent":"a","success":true}""", "taskType")]
    [InlineData("""{"taskType":"refuse","success":true}""", "agent")]
    [InlineData("""{"taskType":"refuse","agent":"a"}""", "success")]
    [InlineData("""{"taskType":"refuse","agent":"a","success":true,"latencyMs":-1}""", "latencyMs")]
    [InlineData("""{"taskType":"refuse","agent":"a","success":false,"cost":-0.5}""", "cost")]
    public async Task An_invalid_feedback_field_is_a_400_naming_it_and_changes_nothing(string body, string field)
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/agents/feedback", Json(body));

        await ProblemAssert.InvalidField(response, field);
        Assert.Empty((await Models("refuse")).Agents);
    }

    [Theory]
    [InlineData("""{"taskType":"huge-latency","agent":"a","success":true,"latencyMs":1e308}""", "huge-latency", "latencyMs")]
    [InlineData("""{"taskType":"large-latency","agent":"a","success":true,"latencyMs":1e200}""", "large-latency", "latencyMs")]
    [InlineData("""{"taskType":"huge-cost","agent":"a","success":true,"cost":1e300}""", "huge-cost", "cost")]
    [InlineData("""{"taskType":"day-latency","agent":"a","success":true,"latencyMs":86400001}""", "day-latency", "latencyMs")]
    [InlineData("""{"taskType":"billion-cost","agent":"a","success":true,"cost":1000000001}""", "billion-cost", "cost")]
    public async Task Feedback_that_would_overflow_a_model_is_a_400_and_the_task_type_keeps_working(string body, string taskType, string field)
    {
        var refused = await fixture.Gateway.Client().PostAsync("/api/v1/agents/feedback", Json(body));

        await ProblemAssert.InvalidField(refused, field);
        Assert.Empty((await Models(taskType)).Agents);
        await Feedback($$"""{"taskType":"{{taskType}}","agent":"a","success":true,"latencyMs":10,"cost":1}""");
        Assert.Equal(1, (await Models(taskType)).Agents["a"].Feedbacks);
        Assert.NotEmpty((await Plan($$"""{"taskType":"{{taskType}}","agents":["a","b"],"iterations":100,"seed":1}""")).Plan);
    }

    private async Task<PlanResult> Plan(string body)
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/agents/plan", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PlanResult>(JsonSerializerOptions.Web))!;
    }

    private async Task<HttpResponseMessage> Feedback(string body)
    {
        var response = await fixture.Gateway.Client().PostAsync("/api/v1/agents/feedback", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private async Task<TaskTypeModels> Models(string taskType)
        => (await fixture.Gateway.Client().GetFromJsonAsync<TaskTypeModels>($"/api/v1/agents/{taskType}/models", JsonSerializerOptions.Web))!;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
