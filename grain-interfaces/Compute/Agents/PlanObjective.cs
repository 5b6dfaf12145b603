using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// How a plan's outcome is turned into one reward: reward = P(success) − λ·E[latency in seconds] − μ·E[cost].
/// </summary>
/// <param name="LatencyWeightPerSecond">λ: reward given up per second of expected latency.</param>
/// <param name="CostWeight">μ: reward given up per unit of expected cost.</param>
[GenerateSerializer]
[Alias("Compute.PlanObjective")]
[Immutable]
public sealed record PlanObjective(double LatencyWeightPerSecond = 0.01, double CostWeight = 1.0)
{
    /// <summary>λ = 0.01 per second, μ = 1 per cost unit.</summary>
    public static PlanObjective Default { get; } = new();

    /// <summary>Throws <see cref="AgentValidationException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (!double.IsFinite(LatencyWeightPerSecond) || LatencyWeightPerSecond < 0)
        {
            throw new AgentValidationException("objective.latencyWeightPerSecond", "latencyWeightPerSecond must be a finite number ≥ 0.");
        }

        if (!double.IsFinite(CostWeight) || CostWeight < 0)
        {
            throw new AgentValidationException("objective.costWeight", "costWeight must be a finite number ≥ 0.");
        }
    }
}
