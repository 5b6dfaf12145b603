using Cluster.GrainInterfaces.Compute.Optimization;
using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// One execution as a client posts it to <c>POST /api/v1/analytics/executions</c>. Fields a client might leave out
/// are nullable so validation can say which is missing; <c>ExecutionBatch.Validate</c> turns records into
/// <c>Execution</c>s. <see cref="ResponseQuality"/> (0–1) and <see cref="UserSatisfaction"/> (0–5) are optional:
/// not every execution is rated. <see cref="ErrorType"/> is only for failed executions.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ExecutionRecord")]
[Immutable]
public sealed record ExecutionRecord(
    string? TaskType,
    IReadOnlyDictionary<string, ParameterValue>? Parameters,
    string? Model,
    string? Provider,
    double? ExecutionTimeMs,
    TokenCounts? Tokens,
    double? ResponseQuality,
    double? UserSatisfaction,
    bool? Success,
    string? ErrorType,
    string? Complexity,
    string? Domain,
    [property: JsonConverter(typeof(OffsetTimestampConverter))] DateTimeOffset? Timestamp);
