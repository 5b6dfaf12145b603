using Cluster.Runtime;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>Plans agent sequences with the models of the request's task type. A stateless worker: use key 0.</summary>
public interface IAgentPlannerGrain : IGrainWithIntegerKey
{
    /// <exception cref="AgentValidationException">The first invalid field of <paramref name="planRequest"/>.</exception>
    Task<PlanResult> PlanAsync(PlanRequest planRequest, CancellationToken cancellation);
}
