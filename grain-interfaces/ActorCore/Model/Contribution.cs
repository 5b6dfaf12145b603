using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One subsystem's effect on one stat dimension (Contribution.schema.json).</summary>
[GenerateSerializer]
[Alias("ActorCore.Contribution")]
[Immutable]
public sealed record Contribution
{
    [Id(0)]
    public required string Dimension { get; init; }

    [Id(1)]
    public required Bucket Bucket { get; init; }

    /// <summary>For <see cref="Bucket.Mult"/> a delta: +20% is 0.2.</summary>
    [Id(2)]
    public required double Value { get; init; }

    [Id(3)]
    public required string System { get; init; }

    [Id(4)]
    public int Priority { get; init; }
}
