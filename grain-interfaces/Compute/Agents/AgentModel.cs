using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// Everything learned about one agent on one task type: an immutable, JSON-serialisable value that the owning grain
/// replaces with <see cref="Update"/> on each feedback and persists.
/// </summary>
/// <param name="Agent">Agent name.</param>
/// <param name="TaskType">Task type.</param>
/// <param name="Success">Posterior on the success probability.</param>
/// <param name="LatencyMs">Posterior on the mean latency (ms).</param>
/// <param name="Cost">Posterior on the mean cost.</param>
/// <param name="Feedbacks">Feedbacks applied so far.</param>
[GenerateSerializer]
[Alias("Compute.AgentModel")]
[Immutable]
public sealed record AgentModel(
    string Agent,
    string TaskType,
    BetaPosterior Success,
    NormalGammaPosterior LatencyMs,
    NormalGammaPosterior Cost,
    long Feedbacks)
{
    /// <summary>The model of an agent nobody has reported on yet.</summary>
    public static AgentModel Prior(string agent, string taskType, AgentPriors? priors = null)
    {
        var p = priors ?? AgentPriors.Default;
        return new AgentModel(agent, taskType, p.Success, p.LatencyMs, p.Cost, 0);
    }

    /// <summary>Whether every posterior is a proper distribution; feedback keeps a valid model valid.</summary>
    public bool IsValid => Success.IsValid && LatencyMs.IsValid && Cost.IsValid && Feedbacks >= 0;

    /// <summary>This model, for planning or updating.</summary>
    /// <exception cref="InvalidAgentModelException">The stored model is not a distribution.</exception>
    public AgentModel Usable() => IsValid ? this : throw new InvalidAgentModelException(TaskType, Agent);

    /// <summary>The model after <paramref name="feedback"/>; latency and cost posteriors move only when they were reported.</summary>
    /// <exception cref="AgentValidationException">Invalid feedback, or feedback about another agent or task type.</exception>
    public AgentModel Update(AgentFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        feedback.Validate();
        if (!string.Equals(feedback.Agent, Agent, StringComparison.Ordinal))
        {
            throw new AgentValidationException("agent", $"Feedback for agent '{feedback.Agent}' cannot update the model of '{Agent}'.");
        }

        if (!string.Equals(feedback.TaskType, TaskType, StringComparison.Ordinal))
        {
            throw new AgentValidationException("taskType", $"Feedback for task type '{feedback.TaskType}' cannot update the model for '{TaskType}'.");
        }

        var latencyMs = feedback.LatencyMs is { } latency ? LatencyMs.Update(latency) : LatencyMs;
        var cost = feedback.Cost is { } observed ? Cost.Update(observed) : Cost;
        // A finite but huge observation can still overflow a posterior; a model that is no distribution must never be stored.
        if (!latencyMs.IsValid)
        {
            throw new AgentValidationException("latencyMs", $"latencyMs {feedback.LatencyMs} is too large for the model of agent '{Agent}': its latency posterior would overflow.");
        }

        if (!cost.IsValid)
        {
            throw new AgentValidationException("cost", $"cost {feedback.Cost} is too large for the model of agent '{Agent}': its cost posterior would overflow.");
        }

        return this with
        {
            Success = Success.Update(feedback.Success),
            LatencyMs = latencyMs,
            Cost = cost,
            Feedbacks = Feedbacks + 1,
        };
    }
}
