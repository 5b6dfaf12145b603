using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Analytics;
using Cluster.Grains.Compute.Optimization;
using Xunit;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

public class RecommendationTests
{
    private static readonly StudyEvidence Study = new("tune-summaries", Params(("temperature", 0.35)), [0.93]);

    private static List<Execution> Data(int perSet)
    {
        var records = new List<ExecutionRecord>();
        for (var i = 0; i < perSet; i++)
        {
            records.Add(Record(parameters: Params(("temperature", 0.2)), latencyMs: 100, quality: i % 2 == 0 ? 0.9 : 0.8, success: true, complexity: "high"));
            records.Add(Record(parameters: Params(("temperature", 0.9)), latencyMs: 100, quality: i % 2 == 0 ? 0.5 : 0.4, success: i % 4 != 0, complexity: "high"));
            records.Add(Record(parameters: Params(("temperature", 0.9)), latencyMs: 100, quality: 1.0, success: true, complexity: "low"));
        }
        return [.. ExecutionBatch.Validate(records)];
    }

    [Fact]
    public void Recommends_the_best_scoring_set_with_enough_executions_and_shows_the_evidence()
    {
        var recommendation = AnalyticsQueries.RecommendationFor(Data(20), "summarize", "high");

        Assert.Equal("analytics", recommendation.Source);
        Assert.Equal(0.2, recommendation.Parameters!["temperature"].Number);
        Assert.Equal(20, recommendation.Evidence!.Count);
        Assert.Equal(0.9, recommendation.RunnerUp!.Parameters["temperature"].Number);
        Assert.Equal(2, recommendation.EligibleSets);
        // Quality 0.85 against 0.45 with equal spreads: a large, significant difference.
        Assert.Equal(0.4, recommendation.QualityVersusRunnerUp!.Difference, 9);
        Assert.True(recommendation.QualityVersusRunnerUp.Significant);
        Assert.Equal(0.25, recommendation.SuccessRateVersusRunnerUp!.Difference, 12);
        Assert.Null(recommendation.StudyAgrees);
    }

    [Fact]
    public void The_complexity_filter_keeps_other_complexities_out()
    {
        var recommendation = AnalyticsQueries.RecommendationFor(Data(20), "summarize", "low");

        Assert.Equal(0.9, recommendation.Parameters!["temperature"].Number);
        Assert.Equal(1, recommendation.CandidateSets);
    }

    [Fact]
    public void Sets_below_the_sample_minimum_are_not_recommended_and_a_given_study_result_is_used_instead()
    {
        var recommendation = AnalyticsQueries.RecommendationFor(Data(5), "summarize", "high", Study);

        Assert.Equal("study", recommendation.Source);
        Assert.Equal(Study.Parameters, recommendation.Parameters);
        Assert.Equal(0, recommendation.EligibleSets);
        Assert.Null(recommendation.Evidence);
    }

    [Fact]
    public void Without_enough_data_or_a_study_nothing_is_recommended()
    {
        var recommendation = AnalyticsQueries.RecommendationFor(Data(5), "summarize", "high");

        Assert.Equal("none", recommendation.Source);
        Assert.Null(recommendation.Parameters);
        Assert.Contains("largest has 5", recommendation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_result_is_checked_against_the_data_backed_choice()
    {
        var agreeing = new StudyEvidence("tune", new Dictionary<string, ParameterValue> { ["temperature"] = ParameterValue.Of(0.2) }, [0.9]);

        Assert.True(AnalyticsQueries.RecommendationFor(Data(20), "summarize", "high", agreeing).StudyAgrees);
        var disagreeing = AnalyticsQueries.RecommendationFor(Data(20), "summarize", "high", Study);
        Assert.False(disagreeing.StudyAgrees);
        Assert.Null(disagreeing.StudyParametersObserved);
    }
}
