namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Which bound of a dimension's range a cap contribution shapes.</summary>
public enum CapKind
{
    Max,
    Min,
}
