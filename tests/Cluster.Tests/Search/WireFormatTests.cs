using System.Text.Json;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Models;
using Cluster.Grains.Compute.Agents.Planning;
using Cluster.Grains.Compute.Search;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class WireFormatTests
{
    [Fact]
    public void Search_request_and_result_map_onto_the_http_json()
    {
        const string body = """{"game":"connect4","position":"44","algorithm":"ab-mcts","iterations":500,"workers":2,"seed":3}""";
        var request = JsonSerializer.Deserialize<GameSearchRequest>(body, JsonSerializerOptions.Web)!;
        Assert.Equal(new GameSearchRequest("connect4", "44", "ab-mcts", 500, null, 2, 3), request);

        var json = JsonSerializer.Serialize(GameSearch.Run(request), JsonSerializerOptions.Web);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.InRange(root.GetProperty("bestMove").GetInt32(), 1, 7);
        Assert.InRange(root.GetProperty("value").GetDouble(), 0, 1);
        Assert.Equal(500, root.GetProperty("iterations").GetInt64());
        Assert.True(root.GetProperty("visits").GetInt64() > 0);
        Assert.True(root.GetProperty("elapsedMs").GetDouble() >= 0);
        var child = root.GetProperty("children")[0];
        Assert.True(child.TryGetProperty("move", out _) && child.TryGetProperty("visits", out _) && child.TryGetProperty("value", out _));
    }

    [Fact]
    public void Plan_request_feedback_and_result_map_onto_the_http_json()
    {
        var feedback = JsonSerializer.Deserialize<AgentFeedback>(
            """{"taskType":"triage","agent":"a","success":true,"latencyMs":120.5}""", JsonSerializerOptions.Web)!;
        Assert.Equal(new AgentFeedback("triage", "a", true, 120.5), feedback);
        var models = TaskTypeModels.Empty("triage").Apply(feedback);

        var request = JsonSerializer.Deserialize<PlanRequest>(
            """{"taskType":"triage","agents":["a","b"],"maxLength":2,"iterations":300}""", JsonSerializerOptions.Web)!;
        var json = JsonSerializer.Serialize(AgentPlanner.Plan(request with { Seed = 1 }, models.Agents), JsonSerializerOptions.Web);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Array, root.GetProperty("plan").ValueKind);
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("expectedReward").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("alternatives").ValueKind);
    }
}
