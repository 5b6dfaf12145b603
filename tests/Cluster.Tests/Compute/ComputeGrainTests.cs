using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.SearchService;
using Cluster.Grains.Compute.AgentService;
using Cluster.Tests.Hosting;
using Xunit;

namespace Cluster.Tests.Compute;

public sealed class ComputeGrainTests
{
    [Fact]
    public async Task Agent_feedback_survives_the_grain_s_deactivation()
    {
        await using var cluster = await TestClusters.StartAsync();
        var models = cluster.GrainFactory.GetGrain<IAgentModelsGrain>("review");
        await models.ApplyFeedbackAsync(new AgentFeedback("review", "alpha", true, 250));
        await models.ApplyFeedbackAsync(new AgentFeedback("review", "alpha", false, 350, 0.2));
        var acknowledged = await models.ApplyFeedbackAsync(new AgentFeedback("review", "beta", true));

        await cluster.DeactivateAsync(models);
        await cluster.WaitForDeactivationAsync(models);

        var restored = await cluster.GrainFactory.GetGrain<IAgentModelsGrain>("review").GetModelsAsync();
        Assert.Equal(2, restored.Agents["alpha"].Feedbacks);
        Assert.Equal(new BetaPosterior(2, 2), restored.Agents["alpha"].Success);
        Assert.Equal(acknowledged, restored.Agents["beta"]);
    }

    [Fact]
    public async Task Feedback_for_another_task_type_is_refused_and_changes_nothing()
    {
        await using var cluster = await TestClusters.StartAsync();
        var models = cluster.GrainFactory.GetGrain<IAgentModelsGrain>("review");

        var e = await Assert.ThrowsAsync<AgentValidationException>(
            () => models.ApplyFeedbackAsync(new AgentFeedback("triage", "alpha", true)));

        Assert.Equal("taskType", e.Field);
        Assert.Empty((await models.GetModelsAsync()).Agents);
        Assert.False((await StoredState.ReadAsync<AgentModelsRecord>(cluster, "agentModels", "agent-models", "review", "models")).RecordExists);
    }

    [Fact]
    public async Task The_planner_plans_with_the_stored_models()
    {
        await using var cluster = await TestClusters.StartAsync();
        var models = cluster.GrainFactory.GetGrain<IAgentModelsGrain>("review");
        for (var i = 0; i < 10; i++)
            await models.ApplyFeedbackAsync(new AgentFeedback("review", "beta", true));

        var plan = await cluster.GrainFactory.GetGrain<IAgentPlannerGrain>(0).PlanAsync(
            new PlanRequest("review", ["alpha", "beta"], MaxLength: 1, Iterations: 200, Seed: 3), default);

        Assert.Equal(["beta"], plan.Plan);
    }

    [Fact]
    public async Task A_worker_that_starts_after_the_deadline_stops_at_once()
    {
        await using var cluster = await TestClusters.StartAsync();
        var request = new GameSearchRequest("connect4", "", TimeLimitMs: 10_000, Seed: 1);

        var late = await cluster.GrainFactory.GetGrain<ISearchWorkerGrain>(0).SearchAsync(
            request, 0, DateTimeOffset.UtcNow.AddSeconds(-1), default);

        // Without the deadline it would run 10 s or to the iteration cap; the deadline leaves it the 1 ms minimum.
        Assert.InRange(late.Iterations, 0, SearchLimits.MaxIterations / 10);
        Assert.InRange(late.ElapsedMs, 0, 5_000);
    }

    [Fact]
    public async Task The_coordinator_merges_its_workers_like_the_engine()
    {
        await using var cluster = await TestClusters.StartAsync();
        var request = new GameSearchRequest("connect4", "4", "uct", Iterations: 2_000, Workers: 3, Seed: 9);

        var coordinated = await cluster.GrainFactory.GetGrain<IGameSearchGrain>(0).SearchAsync(request, default);
        var parts = new SearchResult[3];
        for (var i = 0; i < parts.Length; i++)
            parts[i] = await cluster.GrainFactory.GetGrain<ISearchWorkerGrain>(0).SearchAsync(request, i, null, default);
        var merged = SearchResult.Merge(parts);

        Assert.Equal(merged with { ElapsedMs = 0 }, coordinated with { ElapsedMs = 0, Children = merged.Children });
        Assert.Equal(merged.Children, coordinated.Children);
    }

    [Fact]
    public async Task A_worker_refuses_searches_beyond_the_service_limits()
    {
        await using var cluster = await TestClusters.StartAsync();

        var e = await Assert.ThrowsAsync<SearchValidationException>(
            () => cluster.GrainFactory.GetGrain<ISearchWorkerGrain>(0).SearchAsync(
                new GameSearchRequest("connect4", "", Iterations: 50_000_000), 0, null, default));

        Assert.Equal("iterations", e.Field);
    }
}
