using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>How the per-layer cap ranges of a dimension reduce to one range.</summary>
[GenerateSerializer]
[Alias("ActorCore.AcrossLayerPolicy")]
public enum AcrossLayerPolicy
{
    /// <summary>Every present layer narrows the range.</summary>
    Intersect,

    /// <summary>The first layer (in registry order) whose bound came from an OVERRIDE fixes that bound.</summary>
    PrioritizedOverride,
}
