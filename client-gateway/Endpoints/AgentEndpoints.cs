using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Endpoints.Agents;
using Cluster.Gateway.Security;
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
    /// DELETE /agents/{taskType}/models/{agent} (admin): forgets one agent's model, e.g. one stored invalid.
    /// Invalid fields are 400s naming the field and change nothing.
    /// </summary>
    public static void MapAgentEndpoints(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("agents");

        agents.MapPost("/plan", async (PlanRequest request, IGrainFactory grains, CancellationToken cancellation) =>
        {
            AgentPlanner.Validate(request);
            return await grains.GetGrain<IAgentPlannerGrain>(0).PlanAsync(request, cancellation);
        }).WithSummary("Best agent sequence for a task type")
          .WithRequestExample("""{"taskType":"summarise","agents":["alpha","beta"],"maxLength":2,"iterations":500,"seed":7}""");

        agents.MapPost("/feedback", async (FeedbackBody body, IGrainFactory grains) =>
        {
            var feedback = body.ToFeedback();
            return await grains.GetGrain<IAgentModelsGrain>(feedback.TaskType!).ApplyFeedbackAsync(feedback);
        }).WithSummary("Record one agent run's outcome")
          .WithRequestExample("""{"taskType":"summarise","agent":"alpha","success":true,"latencyMs":850,"cost":0.02}""");

        agents.MapGet("/{taskType}/models", async (string taskType, IGrainFactory grains) =>
        {
            AgentNames.Check(taskType, "taskType");
            return await grains.GetGrain<IAgentModelsGrain>(taskType).GetModelsAsync();
        }).WithSummary("Learned models of a task type's agents")
          .WithRequestExample(null, ("taskType", "summarise"));

        agents.MapDelete("/{taskType}/models/{agent}", async (string taskType, string agent, IGrainFactory grains) =>
        {
            AgentNames.Check(taskType, "taskType");
            return await grains.GetGrain<IAgentModelsGrain>(taskType).ResetAsync(agent)
                ? Results.NoContent()
                : throw new KeyNotFoundException($"Agent '{agent}' has no model for task type '{taskType}'.");
        }).RequireAdminKey().Produces(StatusCodes.Status204NoContent)
          .WithSummary("Reset one agent's model to the prior (repairs a model that is not a valid distribution)")
          .WithRequestExample(null, ("taskType", "summarise"), ("agent", "alpha"));
    }
}
