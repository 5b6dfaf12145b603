using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A stored actor. <see cref="Version"/> starts at 1 and grows with every change to the actor or its subsystem outputs.</summary>
[GenerateSerializer]
[Alias("ActorCore.ActorRecord")]
[Immutable]
public sealed record ActorRecord
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public required string Race { get; init; }

    /// <summary>Years.</summary>
    [Id(3)]
    public required double Lifespan { get; init; }

    /// <summary>Years.</summary>
    [Id(4)]
    public required double Age { get; init; }

    [Id(5)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(6)]
    public required DateTimeOffset UpdatedAt { get; init; }

    [Id(7)]
    public required long Version { get; init; }
}
