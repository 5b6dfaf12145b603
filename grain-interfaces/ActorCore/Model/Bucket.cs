using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Pipeline stage of a contribution; the declaration order is the evaluation order.</summary>
[GenerateSerializer]
[Alias("ActorCore.Bucket")]
public enum Bucket
{
    Flat,
    Mult,
    PostAdd,
    Override,
}
