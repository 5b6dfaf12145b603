using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>Tokens an execution used: <c>{prompt, completion, total}</c>.</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.TokenCounts")]
[Immutable]
public sealed record TokenCounts(long Prompt, long Completion, long Total);
