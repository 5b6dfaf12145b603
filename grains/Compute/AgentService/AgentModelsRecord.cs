using Cluster.GrainInterfaces.Compute;

namespace Cluster.Grains.Compute.AgentService;

/// <summary>The stored state of an <see cref="AgentModelsGrain"/>: null until the first feedback.</summary>
public sealed class AgentModelsRecord
{
    public TaskTypeModels? Models { get; set; }
}
