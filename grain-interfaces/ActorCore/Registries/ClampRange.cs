using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A dimension's outermost allowed range (clamp_default in MergeRule.schema.json).</summary>
[GenerateSerializer]
[Alias("ActorCore.ClampRange")]
[Immutable]
public sealed record ClampRange
{
    [Id(0)]
    public required double Min { get; init; }

    [Id(1)]
    public required double Max { get; init; }
}
