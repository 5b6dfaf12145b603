using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>
/// The stored model of one agent is not a distribution (stored before feedback was range-checked, or damaged in
/// storage). Only that agent of that task type is affected; resetting the model starts it again from the prior.
/// </summary>
[GenerateSerializer]
[Alias("Compute.InvalidAgentModelException")]
public sealed class InvalidAgentModelException(string taskType, string agent)
    : ConflictException($"The stored model of agent '{agent}' for task type '{taskType}' is not a valid distribution. " +
                        $"Reset it with DELETE /api/v1/agents/{taskType}/models/{agent} (admin key); it starts again from the prior.");
