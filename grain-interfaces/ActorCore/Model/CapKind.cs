using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Which bound of a dimension's range a cap contribution shapes.</summary>
[GenerateSerializer]
[Alias("ActorCore.CapKind")]
public enum CapKind
{
    Max,
    Min,
}
