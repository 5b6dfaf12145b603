using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// The agent models of one task type: the state a grain keyed by task type owns and persists (JSON-serialisable,
/// immutable; <see cref="Apply"/> returns the next state).
/// </summary>
/// <param name="TaskType">Task type.</param>
/// <param name="Agents">Model per agent name; agents without feedback are absent and read as the prior.</param>
[GenerateSerializer]
[Alias("Compute.TaskTypeModels")]
[Immutable]
public sealed record TaskTypeModels(string TaskType, IReadOnlyDictionary<string, AgentModel> Agents)
{
    /// <summary>No feedback yet.</summary>
    public static TaskTypeModels Empty(string taskType) => new(taskType, new Dictionary<string, AgentModel>(StringComparer.Ordinal));

    /// <summary>The stored model of <paramref name="agent"/>, or its prior.</summary>
    /// <exception cref="InvalidAgentModelException">The stored model is not a distribution.</exception>
    public AgentModel ModelFor(string agent, AgentPriors? priors = null)
        => Agents.TryGetValue(agent, out var model) ? model.Usable() : AgentModel.Prior(agent, TaskType, priors);

    /// <summary>These models, once each is checked to be a distribution.</summary>
    /// <exception cref="InvalidAgentModelException">The first stored model that is not.</exception>
    public TaskTypeModels Usable()
    {
        foreach (var model in Agents.Values)
        {
            model.Usable();
        }

        return this;
    }

    /// <summary>The models without <paramref name="agent"/>'s, which reads as the prior again.</summary>
    public TaskTypeModels Without(string agent)
    {
        var agents = new Dictionary<string, AgentModel>(Agents, StringComparer.Ordinal);
        agents.Remove(agent);
        return this with { Agents = agents };
    }

    /// <summary>The models after one feedback.</summary>
    /// <exception cref="AgentValidationException">Invalid feedback or feedback for another task type.</exception>
    public TaskTypeModels Apply(AgentFeedback feedback, AgentPriors? priors = null)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        feedback.Validate();
        var updated = ModelFor(feedback.Agent!, priors).Update(feedback);
        var agents = new Dictionary<string, AgentModel>(Agents, StringComparer.Ordinal) { [updated.Agent] = updated };
        return this with { Agents = agents };
    }
}
