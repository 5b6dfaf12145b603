namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>Pipeline stage of a contribution; the declaration order is the evaluation order.</summary>
public enum Bucket
{
    Flat,
    Mult,
    PostAdd,
    Override,
}
