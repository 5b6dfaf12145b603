using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// The analytics endpoints over an in-memory list of validated executions. A storage layer that aggregates in the
/// database instead calls <see cref="Effectiveness.Rank"/>, <see cref="Trends.Compare(ExecutionStatistics, ExecutionStatistics, DateTimeOffset, DateTimeOffset, DateTimeOffset)"/>,
/// <see cref="Insights.Analyse"/> and <see cref="Recommendations.Recommend"/> with its own rows.
/// </summary>
public static class AnalyticsQueries
{
    public static EffectivenessReport EffectivenessOf(IReadOnlyList<Execution> executions, string taskType, DateTimeOffset now, TimeSpan trendWindow)
    {
        var selected = ExecutionGrouping.Select(executions, taskType);
        return new EffectivenessReport(taskType, Effectiveness.Rank(ExecutionGrouping.ByParameterSet(selected)), Trends.Compare(selected, now, trendWindow));
    }

    public static InsightReport InsightsOf(IReadOnlyList<Execution> executions, string taskType, int minSamplesPerValue = Insights.DefaultMinSamplesPerValue) =>
        Insights.Analyse(taskType, ExecutionGrouping.ByParameterSet(ExecutionGrouping.Select(executions, taskType)), minSamplesPerValue);

    public static Recommendation RecommendationFor(IReadOnlyList<Execution> executions, string taskType, string complexity,
        StudyEvidence? study = null, int minSamples = Recommendations.DefaultMinSamples) =>
        Recommendations.Recommend(taskType, complexity, ExecutionGrouping.ByParameterSet(ExecutionGrouping.Select(executions, taskType, complexity)), study, minSamples);
}
