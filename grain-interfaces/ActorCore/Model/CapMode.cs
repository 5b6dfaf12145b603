using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>How a cap contribution combines with the other caps of its layer, dimension and kind.</summary>
[GenerateSerializer]
[Alias("ActorCore.CapMode")]
public enum CapMode
{
    Baseline,
    Additive,
    HardMax,
    HardMin,
    Override,
}
