using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>What a client sets on an actor; lifespan and age are in years.</summary>
[Immutable]
public sealed record ActorProfile
{
    public required string Name { get; init; }

    public required string Race { get; init; }

    public required double Lifespan { get; init; }

    public required double Age { get; init; }
}
