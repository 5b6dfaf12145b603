using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A stored actor. <see cref="Version"/> starts at 1 and grows with every change to the actor or its subsystem outputs.</summary>
[Immutable]
public sealed record ActorRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Race { get; init; }

    /// <summary>Years.</summary>
    public required double Lifespan { get; init; }

    /// <summary>Years.</summary>
    public required double Age { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}
