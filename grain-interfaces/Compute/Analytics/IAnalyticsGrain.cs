using Orleans;
using Orleans.Concurrency;

namespace Cluster.GrainInterfaces.Compute.Analytics;

/// <summary>
/// Execution analytics: ingests batches of execution records and answers effectiveness, insight and recommendation
/// queries from aggregates the execution store computes. A stateless worker: use key 0.
/// A recommendation is backed by an optimisation study when one is linked to the task type: the newest study whose
/// name equals the task type and that has a best trial (single objective) is offered as evidence.
/// </summary>
[Alias("Compute.Analytics.IAnalyticsGrain")]
public interface IAnalyticsGrain : IGrainWithIntegerKey
{
    /// <summary>Validates the whole batch and stores it; returns the number stored, once they are stored.</summary>
    /// <exception cref="ExecutionValidationException">naming the first offending field, e.g. <c>[3].tokens.total</c>; nothing was stored.</exception>
    [Alias("IngestAsync")]
    Task<int> IngestAsync(Immutable<IReadOnlyList<ExecutionRecord?>> records, CancellationToken cancellationToken);

    /// <exception cref="AnalyticsQueryValidationException">naming <c>taskType</c>.</exception>
    [Alias("GetEffectivenessAsync")]
    Task<EffectivenessReport> GetEffectivenessAsync(string taskType, CancellationToken cancellationToken);

    /// <exception cref="AnalyticsQueryValidationException">naming <c>taskType</c>.</exception>
    [Alias("GetInsightsAsync")]
    Task<InsightReport> GetInsightsAsync(string taskType, CancellationToken cancellationToken);

    /// <exception cref="AnalyticsQueryValidationException">naming <c>taskType</c> or <c>complexity</c>.</exception>
    [Alias("GetRecommendationAsync")]
    Task<Recommendation> GetRecommendationAsync(string taskType, string complexity, CancellationToken cancellationToken);
}
