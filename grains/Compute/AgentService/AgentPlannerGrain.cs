using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Planning;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Compute.AgentService;

/// <summary>Plans with the current models of the request's task type, fetched from its <see cref="IAgentModelsGrain"/>.</summary>
[GrainType("agent-planner")]
[StatelessWorker]
public sealed class AgentPlannerGrain : Grain, IAgentPlannerGrain
{
    public async Task<PlanResult> PlanAsync(PlanRequest planRequest, CancellationToken cancellation)
    {
        AgentPlanner.Validate(planRequest);
        var models = await GrainFactory.GetGrain<IAgentModelsGrain>(planRequest.TaskType!).GetModelsAsync();
        return await DedicatedThread.Run(() => AgentPlanner.Plan(planRequest, models.Agents, cancellation: cancellation));
    }
}
