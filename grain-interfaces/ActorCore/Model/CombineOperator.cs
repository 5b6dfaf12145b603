using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Reduction over a dimension's contribution values when its merge rule does not use the pipeline.</summary>
[GenerateSerializer]
[Alias("ActorCore.CombineOperator")]
public enum CombineOperator
{
    Sum,
    Max,
    Min,
}
