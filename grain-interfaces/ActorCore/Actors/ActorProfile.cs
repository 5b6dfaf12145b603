using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>What a client sets on an actor; lifespan and age are in years.</summary>
[GenerateSerializer]
[Alias("ActorCore.ActorProfile")]
[Immutable]
public sealed record ActorProfile
{
    [Id(0)]
    public required string Name { get; init; }

    [Id(1)]
    public required string Race { get; init; }

    [Id(2)]
    public required double Lifespan { get; init; }

    [Id(3)]
    public required double Age { get; init; }
}
