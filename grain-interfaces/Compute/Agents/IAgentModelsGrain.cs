using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>The learned models of every agent on one task type (the grain key).</summary>
[Alias("Compute.IAgentModelsGrain")]
public interface IAgentModelsGrain : IGrainWithStringKey
{
    /// <summary>Applies one feedback, stores the models and only then returns the agent's updated model.</summary>
    /// <exception cref="AgentValidationException">Invalid feedback, or feedback for another task type.</exception>
    [Alias("ApplyFeedbackAsync")]
    Task<AgentModel> ApplyFeedbackAsync(AgentFeedback feedback);

    /// <summary>The models of the agents that have had feedback; the others read as the prior.</summary>
    /// <exception cref="InvalidAgentModelException">A stored model is not a distribution.</exception>
    [ReadOnly]
    [Alias("GetModelsAsync")]
    Task<TaskTypeModels> GetModelsAsync();

    /// <summary>Forgets what feedback taught about <paramref name="agent"/>, which reads as the prior again; true if it had a model.</summary>
    [Alias("ResetAsync")]
    Task<bool> ResetAsync(string agent);
}
