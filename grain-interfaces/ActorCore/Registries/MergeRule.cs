using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>How one dimension's contributions combine (MergeRule.schema.json).</summary>
[Immutable]
public sealed record MergeRule
{
    public required bool UsePipeline { get; init; }

    /// <summary>Required when <see cref="UsePipeline"/> is false.</summary>
    public CombineOperator? Operator { get; init; }

    public required ClampRange ClampDefault { get; init; }
}
