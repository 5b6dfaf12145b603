using Cluster.GrainInterfaces.Compute;

namespace Cluster.Gateway.Endpoints.Agents;

/// <summary>
/// The body of POST /agents/feedback. Unlike <see cref="AgentFeedback"/>, <c>success</c> is nullable here so that a
/// body without it is refused instead of being read as a failure.
/// </summary>
public sealed record FeedbackBody(string? TaskType, string? Agent, bool? Success, double? LatencyMs = null, double? Cost = null)
{
    /// <summary>The validated feedback.</summary>
    /// <exception cref="AgentValidationException">The first invalid field.</exception>
    public AgentFeedback ToFeedback()
    {
        AgentNames.Check(TaskType, "taskType");
        AgentNames.Check(Agent, "agent");
        if (Success is not { } success)
        {
            throw new AgentValidationException("success", "success is required: true or false.");
        }

        var feedback = new AgentFeedback(TaskType, Agent, success, LatencyMs, Cost);
        feedback.Validate();
        return feedback;
    }
}
