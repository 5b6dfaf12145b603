using System.Text.Json;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Models;
using Cluster.Grains.Compute.Agents.Planning;
using Cluster.Grains.Compute.Search.Randomness;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class AgentModelTests
{
    [Fact]
    public void Beta_posterior_counts_successes_and_failures()
    {
        var posterior = BetaPosterior.Uniform.Update(true).Update(true).Update(false);
        Assert.Equal(new BetaPosterior(3, 2), posterior);
        Assert.Equal(0.6, posterior.Mean, 12);
        Assert.Equal(3.0 * 2 / (25 * 6), posterior.Variance, 12);
    }

    [Fact]
    public void Normal_gamma_update_matches_hand_computed_parameters()
    {
        // Prior NG(0, 1, 1, 1). After x = 2: μ = (1·0 + 2)/2 = 1, κ = 2, α = 1.5, β = 1 + 1·(2 − 0)²/(2·2) = 2.
        var once = new NormalGammaPosterior(0, 1, 1, 1).Update(2);
        Assert.Equal(1.0, once.Mean, 12);
        Assert.Equal(2.0, once.Kappa, 12);
        Assert.Equal(1.5, once.Alpha, 12);
        Assert.Equal(2.0, once.Beta, 12);

        // After x = 4: μ = (2·1 + 4)/3 = 2, κ = 3, α = 2, β = 2 + 2·(4 − 1)²/(2·3) = 5 — the batch formula
        // β₀ + ½Σ(x − x̄)² + κ₀n(x̄ − μ₀)²/(2(κ₀ + n)) = 1 + 1 + 1·2·9/6 = 5 agrees.
        var twice = once.Update(4);
        Assert.Equal(2.0, twice.Mean, 12);
        Assert.Equal(3.0, twice.Kappa, 12);
        Assert.Equal(2.0, twice.Alpha, 12);
        Assert.Equal(5.0, twice.Beta, 12);
        Assert.Equal(5.0, twice.ExpectedVariance, 12);
    }

    [Fact]
    public void Posterior_draws_center_on_the_posterior_means()
    {
        var rng = new Xoshiro256(1);
        var beta = new BetaPosterior(2, 5);
        var normalGamma = new NormalGammaPosterior(300, 50, 30, 30 * 400);
        double betaSum = 0, meanSum = 0;
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            betaSum += beta.Sample(ref rng);
            meanSum += normalGamma.SampleMean(ref rng);
        }

        // Standard errors: 0.16/√200000 ≈ 0.00036 and about 0.4; the ranges allow five of them.
        Assert.InRange(betaSum / draws, 2.0 / 7 - 0.002, 2.0 / 7 + 0.002);
        Assert.InRange(meanSum / draws, 298, 302);
    }

    [Fact]
    public void Feedback_moves_only_the_reported_posteriors()
    {
        var prior = AgentModel.Prior("coder", "bugfix");
        var updated = prior.Update(new AgentFeedback("bugfix", "coder", Success: true, LatencyMs: 400));
        Assert.Equal(new BetaPosterior(2, 1), updated.Success);
        Assert.Equal(prior.LatencyMs.Update(400), updated.LatencyMs);
        Assert.Equal(prior.Cost, updated.Cost);
        Assert.Equal(1, updated.Feedbacks);
    }

    [Fact]
    public void Feedback_for_another_agent_or_task_type_is_rejected()
    {
        var model = AgentModel.Prior("coder", "bugfix");
        Assert.Equal("agent", Assert.Throws<AgentValidationException>(() => model.Update(new AgentFeedback("bugfix", "tester", true))).Field);
        Assert.Equal("taskType", Assert.Throws<AgentValidationException>(() => model.Update(new AgentFeedback("review", "coder", true))).Field);
    }

    [Theory]
    [InlineData(null, "coder", 1.0, 0.0, "taskType")]
    [InlineData("bugfix", "", 1.0, 0.0, "agent")]
    [InlineData("bugfix", "coder", -1.0, 0.0, "latencyMs")]
    [InlineData("bugfix", "coder", double.NaN, 0.0, "latencyMs")]
    [InlineData("bugfix", "coder", 1.0, double.PositiveInfinity, "cost")]
    public void Invalid_feedback_names_the_field(string? taskType, string? agent, double latency, double cost, string field)
    {
        var feedback = new AgentFeedback(taskType, agent, true, latency, cost);
        Assert.Equal(field, Assert.Throws<AgentValidationException>(feedback.Validate).Field);
    }

    [Fact]
    public void Task_type_models_apply_feedback_immutably_and_round_trip_through_json()
    {
        var empty = TaskTypeModels.Empty("bugfix");
        var models = empty
            .Apply(new AgentFeedback("bugfix", "coder", true, 250, 0.02))
            .Apply(new AgentFeedback("bugfix", "coder", false, 900))
            .Apply(new AgentFeedback("bugfix", "tester", true));
        Assert.Empty(empty.Agents);
        Assert.Equal(new BetaPosterior(2, 2), models.ModelFor("coder").Success);
        Assert.Equal(2, models.ModelFor("coder").Feedbacks);
        Assert.Equal(AgentModel.Prior("reviewer", "bugfix"), models.ModelFor("reviewer"));

        var json = JsonSerializer.Serialize(models);
        var back = JsonSerializer.Deserialize<TaskTypeModels>(json)!;
        Assert.Equal(models.TaskType, back.TaskType);
        Assert.Equal(models.ModelFor("coder"), back.ModelFor("coder"));
        Assert.Equal(models.ModelFor("tester"), back.ModelFor("tester"));
    }

    [Fact]
    public void Plan_outcome_follows_the_fallback_model()
    {
        // p = (0.5, 0.8): success = 0.5 + 0.5·0.8 = 0.9; latency = 1000 + 0.5·2000 = 2000 ms; cost = 1 + 0.5·2 = 2;
        // reward = 0.9 − 0.01·2 − 0.1·2 = 0.68.
        var outcome = PlanOutcome.Evaluate(
            [new AgentDraw(0.5, 1000, 1), new AgentDraw(0.8, 2000, 2)],
            new PlanObjective(LatencyWeightPerSecond: 0.01, CostWeight: 0.1));
        Assert.Equal(0.9, outcome.SuccessProbability, 12);
        Assert.Equal(2000, outcome.ExpectedLatencyMs, 9);
        Assert.Equal(2, outcome.ExpectedCost, 12);
        Assert.Equal(0.68, outcome.Reward, 12);
    }
}
