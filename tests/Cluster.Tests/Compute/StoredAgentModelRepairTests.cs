using System.Net;
using System.Text;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains;
using Cluster.Grains.Compute.AgentService;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit;

namespace Cluster.Tests.Compute;

/// <summary>Models stored before feedback was range-checked (or damaged in storage) are reported for their task type and repaired through the API.</summary>
public sealed class StoredAgentModelRepairTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task An_invalid_stored_model_answers_409_for_its_task_type_never_500_and_a_reset_repairs_it()
    {
        const string taskType = "poisoned";
        await StoreAsync(taskType, Broken("bad", taskType), Valid("good", taskType));
        var http = fixture.Gateway.Client();

        var models = await http.GetAsync($"/api/v1/agents/{taskType}/models");
        var plan = await http.PostAsync("/api/v1/agents/plan", Json($$"""{"taskType":"{{taskType}}","agents":["bad","good"],"iterations":100,"seed":1}"""));
        var feedback = await http.PostAsync("/api/v1/agents/feedback", Json($$"""{"taskType":"{{taskType}}","agent":"bad","success":true,"latencyMs":5}"""));
        var otherTaskType = await http.GetAsync("/api/v1/agents/healthy/models");

        foreach (var answer in new[] { models, plan, feedback })
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.Conflict, $"{(int)answer.StatusCode}: {body}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType!.MediaType);
            Assert.Contains("agent 'bad'", body, StringComparison.Ordinal);
            Assert.Contains($"DELETE /api/v1/agents/{taskType}/models/bad", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, otherTaskType.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.DeleteAsync($"/api/v1/agents/{taskType}/models/bad")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Gateway.Admin().DeleteAsync($"/api/v1/agents/{taskType}/models/bad")).StatusCode);
        using var repaired = JsonDocument.Parse(await (await http.GetAsync($"/api/v1/agents/{taskType}/models")).Content.ReadAsStringAsync());
        Assert.Equal(["good"], repaired.RootElement.GetProperty("agents").EnumerateObject().Select(a => a.Name));
        Assert.Equal(HttpStatusCode.OK,
            (await http.PostAsync("/api/v1/agents/plan", Json($$"""{"taskType":"{{taskType}}","agents":["bad","good"],"iterations":100,"seed":1}"""))).StatusCode);
    }

    [Fact]
    public async Task Resetting_an_agent_without_a_model_is_a_404()
    {
        var response = await fixture.Gateway.Admin().DeleteAsync("/api/v1/agents/untaught/models/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task StoreAsync(string taskType, params AgentModel[] models)
    {
        var storage = fixture.Gateway.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.AgentModels);
        var record = new AgentModelsRecord { Models = new TaskTypeModels(taskType, models.ToDictionary(m => m.Agent, StringComparer.Ordinal)) };
        await storage.WriteStateAsync("models", GrainId.Create("agent-models", taskType), new GrainState<AgentModelsRecord>(record));
    }

    private static AgentModel Valid(string agent, string taskType) => AgentModel.Prior(agent, taskType);

    /// <summary>A latency posterior overflowed to infinity, as 1e308 feedback once left it.</summary>
    private static AgentModel Broken(string agent, string taskType) =>
        AgentModel.Prior(agent, taskType) with { LatencyMs = new NormalGammaPosterior(5e307, 2, 1.5, double.PositiveInfinity), Feedbacks = 1 };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
