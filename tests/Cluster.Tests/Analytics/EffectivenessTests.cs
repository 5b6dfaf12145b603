using Cluster.Grains.Compute.Analytics;
using Xunit;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

public class EffectivenessTests
{
    // Set A: temperature 0.2 — latencies 100, 200, 300, 400; one failure; quality 0.8, 0.6, 0.7 (+ unrated);
    // satisfaction 4, 3; total tokens 100, 120, 140, 160.
    // Set B: temperature 0.7 — latencies 150, 150, 300; all succeed; quality 0.9, 0.9, 0.6; satisfaction 5, 4, 5;
    // 200 tokens each. An execution of another task type must not count.
    internal static Execution[] KnownSet() => Valid(
        Record(parameters: Params(("temperature", 0.2), ("style", "brief")), latencyMs: 100, quality: 0.8, satisfaction: 4, prompt: 60, completion: 40),
        Record(parameters: Params(("temperature", 0.2), ("style", "brief")), latencyMs: 200, quality: 0.6, satisfaction: 3, prompt: 70, completion: 50),
        Record(parameters: Params(("style", "brief"), ("temperature", 0.2)), latencyMs: 300, quality: 0.7, prompt: 80, completion: 60),
        Record(parameters: Params(("temperature", 0.2), ("style", "brief")), latencyMs: 400, success: false, prompt: 90, completion: 70),
        Record(parameters: Params(("temperature", 0.7), ("style", "brief")), latencyMs: 150, quality: 0.9, satisfaction: 5, prompt: 150, completion: 50),
        Record(parameters: Params(("temperature", 0.7), ("style", "brief")), latencyMs: 150, quality: 0.9, satisfaction: 4, prompt: 150, completion: 50),
        Record(parameters: Params(("temperature", 0.7), ("style", "brief")), latencyMs: 300, quality: 0.6, satisfaction: 5, prompt: 150, completion: 50),
        Record(taskType: "translate", parameters: Params(("temperature", 0.2), ("style", "brief")), latencyMs: 9999));

    [Fact]
    public void Metrics_per_parameter_set_match_hand_computed_values()
    {
        var report = AnalyticsQueries.EffectivenessOf(KnownSet(), "summarize", Now, TimeSpan.FromDays(7));

        Assert.Equal(2, report.Groups.Count);
        var b = report.Groups[0];
        var a = report.Groups[1];
        Assert.Equal(0.7, b.Parameters["temperature"].Number);
        Assert.Equal(4, a.Count);
        Assert.Equal(0.75, a.SuccessRate, 12);
        Assert.Equal(250, a.MeanLatencyMs, 12);
        Assert.Equal(385, a.P95LatencyMs, 9);            // position 3·0.95 = 2.85 between 300 and 400
        Assert.Equal(75, a.MeanPromptTokens, 12);
        Assert.Equal(55, a.MeanCompletionTokens, 12);
        Assert.Equal(130, a.MeanTotalTokens, 12);
        Assert.Equal(0.7, a.MeanQuality!.Value, 12);     // the unrated failure is not a zero
        Assert.Equal(3.5, a.MeanSatisfaction!.Value, 12);
        Assert.Equal(3, b.Count);
        Assert.Equal(1.0, b.SuccessRate, 12);
        Assert.Equal(200, b.MeanLatencyMs, 12);
        Assert.Equal(285, b.P95LatencyMs, 9);            // position 1.9 between 150 and 300
        Assert.Equal(0.8, b.MeanQuality!.Value, 12);
        Assert.Equal(14.0 / 3, b.MeanSatisfaction!.Value, 12);
    }

    [Fact]
    public void Combined_score_follows_the_documented_formula()
    {
        var report = AnalyticsQueries.EffectivenessOf(KnownSet(), "summarize", Now, TimeSpan.FromDays(7));

        // A: 0.35·0.75 + 0.30·0.7 + 0.15·(3.5/5) + 0.10·(200/250) + 0.10·(130/130) = 0.7575
        // B: 0.35·1 + 0.30·0.8 + 0.15·(4.6667/5) + 0.10·(200/200) + 0.10·(130/200) = 0.895
        Assert.Equal(0.895, report.Groups[0].Score, 12);
        Assert.Equal(0.7575, report.Groups[1].Score, 12);
    }

    [Fact]
    public void Unrated_sets_are_scored_over_the_components_they_have()
    {
        var executions = Valid(Record(latencyMs: 100), Record(latencyMs: 100, success: false));

        var only = Assert.Single(Effectiveness.Rank(ExecutionGrouping.ByParameterSet(executions)));

        // (0.35·0.5 + 0.10·1 + 0.10·1) / (0.35 + 0.10 + 0.10)
        Assert.Equal(0.375 / 0.55, only.Score, 12);
        Assert.Null(only.MeanQuality);
    }

    [Fact]
    public void Aggregated_rows_give_the_same_ranking_as_raw_records()
    {
        var executions = KnownSet();
        var fromRecords = AnalyticsQueries.EffectivenessOf(executions, "summarize", Now, TimeSpan.FromDays(7)).Groups;
        var rows = ExecutionGrouping.ByParameterSet(ExecutionGrouping.Select(executions, "summarize"))
            .Select(r => r with { Statistics = r.Statistics.Merge(ExecutionStatistics.None) }).ToList();

        Assert.Equal(fromRecords, Effectiveness.Rank(rows));
    }

    [Fact]
    public void Statistics_merge_like_the_union_of_their_executions()
    {
        var executions = KnownSet();

        var whole = ExecutionStatistics.Of(executions);
        var merged = ExecutionStatistics.Of(executions[..3]).Merge(ExecutionStatistics.Of(executions[3..]));

        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.Successes, merged.Successes);
        Assert.Equal(whole.Latency.Variance!.Value, merged.Latency.Variance!.Value, 6);
        Assert.Equal(whole.Quality.Mean!.Value, merged.Quality.Mean!.Value, 12);
    }

    [Fact]
    public void Percentile_interpolates_like_percentile_cont()
    {
        Assert.Equal(385, Percentiles.Continuous([400, 100, 300, 200], 0.95), 9);
        Assert.Equal(7, Percentiles.Continuous([7], 0.95));
        Assert.Equal(2.5, Percentiles.Continuous([1, 2, 3, 4], 0.5), 12);
    }
}
