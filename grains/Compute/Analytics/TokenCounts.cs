namespace Cluster.Grains.Compute.Analytics;

/// <summary>Tokens an execution used: <c>{prompt, completion, total}</c>.</summary>
public sealed record TokenCounts(long Prompt, long Completion, long Total);
