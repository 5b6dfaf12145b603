using Cluster.GrainInterfaces.Compute;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Compute.AgentService;

/// <summary>
/// Owns the agent models of one task type (the key): applies feedback, stores the models before it answers, and
/// hands them to planners.
/// </summary>
[GrainType("agent-models")]
public sealed class AgentModelsGrain([PersistentState("models", GrainStorageNames.AgentModels)] IPersistentState<AgentModelsRecord> record)
    : Grain, IAgentModelsGrain
{
    private TaskTypeModels Models => record.State.Models ?? TaskTypeModels.Empty(this.GetPrimaryKeyString());

    public async Task<AgentModel> ApplyFeedbackAsync(AgentFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var next = Models.Apply(feedback);
        var previous = record.State;
        record.State = new AgentModelsRecord { Models = next };
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            // Unstored feedback must not be served either.
            record.State = previous;
            throw;
        }

        return next.Agents[feedback.Agent!];
    }

    public Task<TaskTypeModels> GetModelsAsync() => Task.FromResult(Models);
}
