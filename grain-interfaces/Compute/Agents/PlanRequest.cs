using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>A planning request (<c>POST /api/v1/agents/plan</c>).</summary>
/// <param name="TaskType">Task type the plan is for.</param>
/// <param name="Agents">Candidate agents (1 … 64 distinct names).</param>
/// <param name="MaxLength">Longest plan (1 … 8; default min(3, number of agents)).</param>
/// <param name="Iterations">AB-MCTS iterations (1 … 200,000; default 2,000).</param>
/// <param name="Seed">Seed for reproducible plans; null draws a fresh one.</param>
/// <param name="Objective">Reward weights; null uses <see cref="PlanObjective.Default"/>.</param>
[GenerateSerializer]
[Alias("Compute.PlanRequest")]
[Immutable]
public sealed record PlanRequest(
    string? TaskType,
    IReadOnlyList<string?>? Agents,
    int? MaxLength = null,
    int? Iterations = null,
    ulong? Seed = null,
    PlanObjective? Objective = null)
{
    /// <summary>Most candidate agents.</summary>
    public const int MaxAgents = 64;

    /// <summary>Default iteration budget.</summary>
    public const int DefaultIterations = 2_000;

    /// <summary>Largest iteration budget.</summary>
    public const int MaxIterations = 200_000;
}
