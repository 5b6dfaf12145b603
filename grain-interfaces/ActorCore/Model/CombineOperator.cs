namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Reduction over a dimension's contribution values when its merge rule does not use the pipeline.</summary>
public enum CombineOperator
{
    Sum,
    Max,
    Min,
}
