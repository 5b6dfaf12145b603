using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>The learned models of every agent on one task type (the grain key).</summary>
public interface IAgentModelsGrain : IGrainWithStringKey
{
    /// <summary>Applies one feedback, stores the models and only then returns the agent's updated model.</summary>
    /// <exception cref="AgentValidationException">Invalid feedback, or feedback for another task type.</exception>
    Task<AgentModel> ApplyFeedbackAsync(AgentFeedback feedback);

    /// <summary>The models of the agents that have had feedback; the others read as the prior.</summary>
    [ReadOnly]
    Task<TaskTypeModels> GetModelsAsync();
}
