using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>One subsystem's effect on one stat dimension (Contribution.schema.json).</summary>
[Immutable]
public sealed record Contribution
{
    public required string Dimension { get; init; }

    public required Bucket Bucket { get; init; }

    /// <summary>For <see cref="Bucket.Mult"/> a delta: +20% is 0.2.</summary>
    public required double Value { get; init; }

    public required string System { get; init; }

    public int Priority { get; init; }
}
