using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>The chosen plan.</summary>
/// <param name="Plan">Agent names in the order they run; each runs only if all before it failed.</param>
/// <param name="Confidence">Posterior probability that <paramref name="Plan"/>'s reward beats the runner-up's
/// (estimated from joint posterior draws); 1 when there is no runner-up.</param>
/// <param name="ExpectedReward">Posterior expected reward of the plan.</param>
/// <param name="SuccessProbability">Posterior probability that some step succeeds.</param>
/// <param name="ExpectedLatencyMs">Posterior expected total latency.</param>
/// <param name="ExpectedCost">Posterior expected total cost.</param>
/// <param name="Alternatives">The next best plans found, best first (at most 5).</param>
/// <param name="Iterations">AB-MCTS iterations run.</param>
/// <param name="PlansExplored">Distinct plans the search generated.</param>
[GenerateSerializer]
[Alias("Compute.PlanResult")]
[Immutable]
public sealed record PlanResult(
    IReadOnlyList<string> Plan,
    double Confidence,
    double ExpectedReward,
    double SuccessProbability,
    double ExpectedLatencyMs,
    double ExpectedCost,
    IReadOnlyList<PlanAlternative> Alternatives,
    int Iterations,
    int PlansExplored);
