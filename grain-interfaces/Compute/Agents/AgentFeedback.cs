using System.Globalization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>The observed outcome of one agent run (<c>POST /api/v1/agents/feedback</c>).</summary>
/// <param name="TaskType">Task type the agent ran on.</param>
/// <param name="Agent">Agent name.</param>
/// <param name="Success">Whether the run succeeded.</param>
/// <param name="LatencyMs">Observed latency in milliseconds, if measured.</param>
/// <param name="Cost">Observed cost, if known (same units for every feedback of a task type).</param>
[GenerateSerializer]
[Alias("Compute.AgentFeedback")]
[Immutable]
public sealed record AgentFeedback(string? TaskType, string? Agent, bool Success, double? LatencyMs = null, double? Cost = null)
{
    /// <summary>Longest accepted task type or agent name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Largest accepted latency: one day in milliseconds.</summary>
    public const double MaxLatencyMs = 86_400_000;

    /// <summary>
    /// Largest accepted cost. With observations this small the posteriors stay finite for far more feedback than a
    /// task type ever gets, so a model that is stored is always a distribution.
    /// </summary>
    public const double MaxCost = 1_000_000_000;

    /// <summary>Throws <see cref="AgentValidationException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        AgentNames.Check(TaskType, "taskType");
        AgentNames.Check(Agent, "agent");
        if (LatencyMs is { } latency && !(latency >= 0 && latency <= MaxLatencyMs))
        {
            throw new AgentValidationException("latencyMs", $"latencyMs must be between 0 and {MaxLatencyMs.ToString("N0", CultureInfo.InvariantCulture)} (one day); got {latency.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Cost is { } cost && !(cost >= 0 && cost <= MaxCost))
        {
            throw new AgentValidationException("cost", $"cost must be between 0 and {MaxCost.ToString("N0", CultureInfo.InvariantCulture)}; got {cost.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
