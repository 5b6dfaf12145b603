using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>How one dimension's contributions combine (MergeRule.schema.json).</summary>
[GenerateSerializer]
[Alias("ActorCore.MergeRule")]
[Immutable]
public sealed record MergeRule
{
    [Id(0)]
    public required bool UsePipeline { get; init; }

    /// <summary>Required when <see cref="UsePipeline"/> is false.</summary>
    [Id(1)]
    public CombineOperator? Operator { get; init; }

    [Id(2)]
    public required ClampRange ClampDefault { get; init; }
}
