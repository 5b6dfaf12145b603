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

    /// <summary>Throws <see cref="AgentValidationException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        AgentNames.Check(TaskType, "taskType");
        AgentNames.Check(Agent, "agent");
        if (LatencyMs is { } latency && (!double.IsFinite(latency) || latency < 0))
        {
            throw new AgentValidationException("latencyMs", $"latencyMs must be a finite number ≥ 0; got {latency}.");
        }

        if (Cost is { } cost && (!double.IsFinite(cost) || cost < 0))
        {
            throw new AgentValidationException("cost", $"cost must be a finite number ≥ 0; got {cost}.");
        }
    }
}
