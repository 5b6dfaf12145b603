using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A dimension's outermost allowed range (clamp_default in MergeRule.schema.json).</summary>
[Immutable]
public sealed record ClampRange
{
    public required double Min { get; init; }

    public required double Max { get; init; }
}
