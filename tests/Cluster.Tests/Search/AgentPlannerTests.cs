using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Models;
using Cluster.Grains.Compute.Agents.Planning;
using Xunit;

namespace Cluster.Tests.Search;

public sealed class AgentPlannerTests
{
    private static readonly string[] Agents = ["fast-weak", "slow-strong", "cheap-mid", "unreliable"];

    [Fact]
    public void Single_step_plan_picks_the_agent_with_the_best_reward()
    {
        var models = Learned(("fast-weak", 0.3, 200, 0.0), ("slow-strong", 0.9, 3000, 0.0), ("cheap-mid", 0.6, 500, 0.0), ("unreliable", 0.1, 100, 0.0));
        var result = AgentPlanner.Plan(new PlanRequest("bugfix", Agents, MaxLength: 1, Seed: 1), models.Agents);
        Assert.Equal(["slow-strong"], result.Plan);
        Assert.Equal(4, result.PlansExplored);
        Assert.Equal(3, result.Alternatives.Count);
        Assert.Equal(["cheap-mid"], result.Alternatives[0].Plan);
        Assert.True(result.Confidence > 0.95, $"confidence {result.Confidence}");
    }

    [Fact]
    public void Longer_plans_order_agents_by_what_they_add_and_match_exhaustive_search()
    {
        var models = Learned(("fast-weak", 0.3, 200, 0.0), ("slow-strong", 0.9, 3000, 0.0), ("cheap-mid", 0.6, 500, 0.0), ("unreliable", 0.1, 100, 0.0));
        var result = AgentPlanner.Plan(new PlanRequest("bugfix", Agents, MaxLength: 3, Iterations: 3_000, Seed: 2), models.Agents);

        var best = ExhaustiveBest(models, Agents, 3, PlanObjective.Default);
        Assert.Equal(best, result.Plan);
        Assert.True(result.SuccessProbability > 0.9);
        for (var i = 0; i < result.Alternatives.Count; i++)
        {
            Assert.True(result.Alternatives[i].ExpectedReward <= (i == 0 ? result.ExpectedReward : result.Alternatives[i - 1].ExpectedReward));
        }
    }

    [Fact]
    public void Costly_agents_are_left_out_when_cost_outweighs_their_success()
    {
        var models = Learned(("fast-weak", 0.5, 100, 0.01), ("slow-strong", 0.6, 100, 5.0));
        var result = AgentPlanner.Plan(new PlanRequest("bugfix", ["fast-weak", "slow-strong"], MaxLength: 2, Seed: 3), models.Agents);
        Assert.Equal(["fast-weak"], result.Plan);
    }

    [Fact]
    public void Feedback_changes_the_plan()
    {
        var models = TaskTypeModels.Empty("bugfix");
        var request = new PlanRequest("bugfix", ["a", "b"], MaxLength: 1, Seed: 4);
        for (var i = 0; i < 30; i++)
        {
            models = models.Apply(new AgentFeedback("bugfix", "a", i % 10 == 0, 500))
                           .Apply(new AgentFeedback("bugfix", "b", i % 10 != 0, 500));
        }

        Assert.Equal(["b"], AgentPlanner.Plan(request, models.Agents).Plan);
        for (var i = 0; i < 200; i++)
        {
            models = models.Apply(new AgentFeedback("bugfix", "a", true, 500))
                           .Apply(new AgentFeedback("bugfix", "b", false, 500));
        }

        Assert.Equal(["a"], AgentPlanner.Plan(request, models.Agents).Plan);
    }

    [Fact]
    public void Little_evidence_gives_low_confidence_and_much_evidence_high()
    {
        var weak = Learned(10, ("a", 0.6, 500, 0.0), ("b", 0.5, 500, 0.0));
        var strong = Learned(500, ("a", 0.6, 500, 0.0), ("b", 0.5, 500, 0.0));
        var request = new PlanRequest("bugfix", ["a", "b"], MaxLength: 1, Seed: 5);
        var low = AgentPlanner.Plan(request, weak.Agents).Confidence;
        var high = AgentPlanner.Plan(request, strong.Agents).Confidence;
        Assert.InRange(low, 0.5, 0.85);
        Assert.True(high > 0.99, $"confidence {high}");
    }

    [Fact]
    public void Same_seed_gives_the_same_plan_result()
    {
        var models = Learned(("fast-weak", 0.3, 200, 0.0), ("slow-strong", 0.9, 3000, 0.0), ("cheap-mid", 0.6, 500, 0.0), ("unreliable", 0.1, 100, 0.0));
        var request = new PlanRequest("bugfix", Agents, Seed: 6);
        var a = AgentPlanner.Plan(request, models.Agents);
        var b = AgentPlanner.Plan(request, models.Agents);
        Assert.Equal(a.Plan, b.Plan);
        Assert.Equal(a.Confidence, b.Confidence);
        Assert.Equal(a.PlansExplored, b.PlansExplored);
    }

    [Fact]
    public void Agents_without_feedback_are_planned_with_the_prior()
    {
        var result = AgentPlanner.Plan(new PlanRequest("new-task", ["x", "y"], Seed: 7), new Dictionary<string, AgentModel>());
        Assert.Equal(2, result.Plan.Count);
        Assert.Equal(0.75, result.SuccessProbability, 9);
    }

    [Theory]
    [InlineData(null, "taskType")]
    [InlineData("", "taskType")]
    public void Missing_task_type_is_rejected(string? taskType, string field)
    {
        var error = Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest(taskType, ["a"]), new Dictionary<string, AgentModel>()));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Invalid_requests_name_the_field()
    {
        var none = new Dictionary<string, AgentModel>();
        Assert.Equal("agents", Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", []), none)).Field);
        Assert.Equal("agents[1]", Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", ["a", "a"]), none)).Field);
        Assert.Equal("agents[0]", Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", [" "]), none)).Field);
        Assert.Equal("maxLength", Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", ["a"], MaxLength: 9), none)).Field);
        Assert.Equal("iterations", Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", ["a"], Iterations: 0), none)).Field);
        Assert.Equal(
            "objective.costWeight",
            Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", ["a"], Objective: new PlanObjective(CostWeight: -1)), none)).Field);
        var many = Enumerable.Range(0, 65).Select(i => (string?)$"agent{i}").ToArray();
        Assert.Equal("agents", Assert.Throws<AgentValidationException>(() => AgentPlanner.Plan(new PlanRequest("t", many), none)).Field);
    }

    private static TaskTypeModels Learned(params (string Agent, double Success, double LatencyMs, double Cost)[] agents)
        => Learned(100, agents);

    /// <summary>Feeds <paramref name="runs"/> outcomes per agent with exactly the given success rate, latency and cost.</summary>
    private static TaskTypeModels Learned(int runs, params (string Agent, double Success, double LatencyMs, double Cost)[] agents)
    {
        var models = TaskTypeModels.Empty("bugfix");
        foreach (var (agent, success, latency, cost) in agents)
        {
            var successes = (int)Math.Round(success * runs);
            for (var i = 0; i < runs; i++)
            {
                models = models.Apply(new AgentFeedback("bugfix", agent, i < successes, latency, cost));
            }
        }

        return models;
    }

    private static IReadOnlyList<string> ExhaustiveBest(TaskTypeModels models, string[] agents, int maxLength, PlanObjective objective)
    {
        IReadOnlyList<string> best = [];
        var bestReward = double.NegativeInfinity;
        void Visit(List<string> plan)
        {
            if (plan.Count > 0)
            {
                var reward = PlanOutcome.Evaluate(plan.Select(a => models.ModelFor(a).Expected).ToArray(), objective).Reward;
                if (reward > bestReward)
                {
                    bestReward = reward;
                    best = [.. plan];
                }
            }

            if (plan.Count == maxLength)
            {
                return;
            }

            foreach (var agent in agents.Where(a => !plan.Contains(a)))
            {
                plan.Add(agent);
                Visit(plan);
                plan.RemoveAt(plan.Count - 1);
            }
        }

        Visit([]);
        return best;
    }
}
