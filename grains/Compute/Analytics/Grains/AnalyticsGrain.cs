using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Compute.Analytics;

[GrainType("analytics")]
[StatelessWorker]
public sealed class AnalyticsGrain(IExecutionStore store, TimeProvider time) : Grain, IAnalyticsGrain
{
    /// <summary>The length of each of the two windows the effectiveness trend compares: the last week against the one before.</summary>
    public static readonly TimeSpan TrendWindow = TimeSpan.FromDays(7);

    public async Task<int> IngestAsync(Immutable<IReadOnlyList<ExecutionRecord?>> records, CancellationToken cancellationToken)
    {
        var executions = ExecutionBatch.Validate(records.Value);
        await store.AddAsync(executions, cancellationToken);
        return executions.Length;
    }

    public async Task<EffectivenessReport> GetEffectivenessAsync(string taskType, CancellationToken cancellationToken)
    {
        AnalyticsQueryText.Require(taskType, "taskType");
        var to = time.GetUtcNow();
        var recentFrom = to - TrendWindow;
        var earlierFrom = recentFrom - TrendWindow;
        var groups = store.GetParameterSetsAsync(taskType, null, cancellationToken);
        var windows = store.GetTrendWindowsAsync(taskType, earlierFrom, recentFrom, to, cancellationToken);
        await Task.WhenAll(groups, windows);
        var (earlier, recent) = await windows;
        return new EffectivenessReport(taskType, Effectiveness.Rank(await groups), Trends.Compare(earlier, recent, earlierFrom, recentFrom, to));
    }

    public async Task<InsightReport> GetInsightsAsync(string taskType, CancellationToken cancellationToken)
    {
        AnalyticsQueryText.Require(taskType, "taskType");
        return Insights.Analyse(taskType, await store.GetParameterSetsAsync(taskType, null, cancellationToken));
    }

    public async Task<Recommendation> GetRecommendationAsync(string taskType, string complexity, CancellationToken cancellationToken)
    {
        AnalyticsQueryText.Require(taskType, "taskType");
        AnalyticsQueryText.Require(complexity, "complexity");
        var groups = store.GetParameterSetsAsync(taskType, complexity, cancellationToken);
        var study = StudyEvidenceAsync(taskType);
        await Task.WhenAll(groups, study);
        return Recommendations.Recommend(taskType, complexity, await groups, await study);
    }

    /// <summary>The best trial of the newest study named like the task type that has one (see <see cref="IAnalyticsGrain"/>).</summary>
    private async Task<StudyEvidence?> StudyEvidenceAsync(string taskType)
    {
        var studyIds = await GrainFactory.GetGrain<IStudyNameIndexGrain>(taskType).GetStudyIdsAsync();
        for (var i = studyIds.Count - 1; i >= 0; i--)
        {
            Trial? best;
            try
            {
                best = await GrainFactory.GetGrain<IStudyGrain>(studyIds[i]).GetBestTrialAsync();
            }
            catch (StudyNotFoundException)
            {
                // Listed, but its creation failed before the study was stored.
                continue;
            }
            if (best is not null)
                return new StudyEvidence(studyIds[i], best.Params, best.Values);
        }
        return null;
    }
}
