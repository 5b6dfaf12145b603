using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Models;

namespace Cluster.Grains.Compute.Agents.Planning;

/// <summary>
/// Outcome model of a plan: its agents run in order and the plan stops at the first success, so step k runs with
/// probability Π_{j&lt;k}(1 − p_j) and pays its latency and cost only then. The plan succeeds if any step succeeds:
/// P(success) = 1 − Π(1 − p_j). Reward = P(success) − λ·E[latency]/1000 − μ·E[cost] (see <see cref="PlanObjective"/>).
/// Steps are distinct agents with independent posteriors, so the expected reward under the posterior is exactly this
/// formula evaluated at the posterior means.
/// </summary>
/// <param name="SuccessProbability">Probability that some step succeeds.</param>
/// <param name="ExpectedLatencyMs">Expected total latency.</param>
/// <param name="ExpectedCost">Expected total cost.</param>
/// <param name="Reward">The objective's reward.</param>
public readonly record struct PlanOutcome(double SuccessProbability, double ExpectedLatencyMs, double ExpectedCost, double Reward)
{
    /// <summary>Evaluates a plan whose steps have the parameters <paramref name="steps"/>.</summary>
    public static PlanOutcome Evaluate(ReadOnlySpan<AgentDraw> steps, PlanObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var reach = 1.0;
        double success = 0, latency = 0, cost = 0;
        foreach (var step in steps)
        {
            latency += reach * step.LatencyMs;
            cost += reach * step.Cost;
            success += reach * step.SuccessProbability;
            reach *= 1 - step.SuccessProbability;
        }

        var reward = success - objective.LatencyWeightPerSecond * latency / 1000.0 - objective.CostWeight * cost;
        return new PlanOutcome(success, latency, cost, reward);
    }

    /// <summary>Evaluates <paramref name="plan"/> with each agent's parameters taken from <paramref name="agents"/>.</summary>
    internal static PlanOutcome Evaluate(AgentSequence plan, ReadOnlySpan<AgentDraw> agents, PlanObjective objective)
    {
        Span<AgentDraw> steps = stackalloc AgentDraw[AgentSequence.MaxLength];
        for (var i = 0; i < plan.Length; i++)
        {
            steps[i] = agents[plan[i]];
        }

        return Evaluate(steps[..plan.Length], objective);
    }
}
