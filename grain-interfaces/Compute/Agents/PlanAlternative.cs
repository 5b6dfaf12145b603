using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>A plan and its posterior expected outcome.</summary>
/// <param name="Plan">Agent names in the order they run.</param>
/// <param name="ExpectedReward">Posterior expected reward.</param>
/// <param name="SuccessProbability">Posterior probability that some step succeeds.</param>
/// <param name="ExpectedLatencyMs">Posterior expected total latency.</param>
/// <param name="ExpectedCost">Posterior expected total cost.</param>
[GenerateSerializer]
[Alias("Compute.PlanAlternative")]
[Immutable]
public sealed record PlanAlternative(
    IReadOnlyList<string> Plan,
    double ExpectedReward,
    double SuccessProbability,
    double ExpectedLatencyMs,
    double ExpectedCost);
