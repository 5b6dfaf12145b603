using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>Tokens an execution used: <c>{prompt, completion, total}</c>.</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.TokenCounts")]
[Immutable]
public sealed record TokenCounts([property: JsonRequired] long Prompt, [property: JsonRequired] long Completion, [property: JsonRequired] long Total);
