using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A combiner registry as written (Registry.schema.json): the merge rule of each listed dimension.</summary>
[Immutable]
public sealed record CombinerRegistryDocument
{
    public required IReadOnlyDictionary<string, MergeRule> Dimensions { get; init; }
}
