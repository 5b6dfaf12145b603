using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A combiner registry as written (Registry.schema.json): the merge rule of each listed dimension.</summary>
[GenerateSerializer]
[Alias("ActorCore.CombinerRegistryDocument")]
[Immutable]
public sealed record CombinerRegistryDocument
{
    [Id(0)]
    public required IReadOnlyDictionary<string, MergeRule> Dimensions { get; init; }
}
