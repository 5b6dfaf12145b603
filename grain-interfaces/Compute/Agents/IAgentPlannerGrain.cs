using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>Plans agent sequences with the models of the request's task type. A stateless worker: use key 0.</summary>
[Alias("Compute.IAgentPlannerGrain")]
public interface IAgentPlannerGrain : IGrainWithIntegerKey
{
    /// <exception cref="AgentValidationException">The first invalid field of <paramref name="planRequest"/>.</exception>
    [Alias("PlanAsync")]
    Task<PlanResult> PlanAsync(PlanRequest planRequest, CancellationToken cancellation);
}
