using Cluster.Gateway.Endpoints.Agents;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Planning;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class AgentEndpoints
{
    /// <summary>
    /// POST /agents/plan: the agent sequence with the best posterior expected reward for a task type, from the models
    /// its feedback has taught (a stateless planner grain runs AB-MCTS over them).
    /// POST /agents/feedback: records one run's outcome; answers 200 with the agent's updated model once it is stored.
    /// GET /agents/{taskType}/models: the models of the agents that have had feedback.
    /// Invalid fields are 400s naming the field and change nothing.
    /// </summary>
    public static void MapAgentEndpoints(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents");

        agents.MapPost("/plan", async (PlanRequest request, IGrainFactory grains, CancellationToken cancellation) =>
        {
            AgentPlanner.Validate(request);
            return await grains.GetGrain<IAgentPlannerGrain>(0).PlanAsync(request, cancellation);
        });

        agents.MapPost("/feedback", async (FeedbackBody body, IGrainFactory grains) =>
        {
            var feedback = body.ToFeedback();
            return await grains.GetGrain<IAgentModelsGrain>(feedback.TaskType!).ApplyFeedbackAsync(feedback);
        });

        agents.MapGet("/{taskType}/models", async (string taskType, IGrainFactory grains) =>
        {
            AgentNames.Check(taskType, "taskType");
            return await grains.GetGrain<IAgentModelsGrain>(taskType).GetModelsAsync();
        });
    }
}
