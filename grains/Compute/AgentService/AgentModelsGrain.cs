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
        await StoreAsync(next);
        return next.Agents[feedback.Agent!];
    }

    public Task<TaskTypeModels> GetModelsAsync() => Task.FromResult(Models.Usable());

    public async Task<bool> ResetAsync(string agent)
    {
        AgentNames.Check(agent, "agent");
        if (!Models.Agents.ContainsKey(agent))
        {
            return false;
        }

        await StoreAsync(Models.Without(agent));
        return true;
    }

    private async Task StoreAsync(TaskTypeModels next)
    {
        var previous = record.State;
        record.State = new AgentModelsRecord { Models = next };
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            // Unstored changes must not be served either.
            record.State = previous;
            throw;
        }
    }
}
