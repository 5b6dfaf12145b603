using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Analytics;
using Xunit;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

public class InsightTests
{
    // model "a": 20 runs, 18 succeed, latency alternating 100/200; model "b": 20 runs, 10 succeed, latency 300/400.
    // "seed" alternates 1/2 independently of everything (same counts and latencies in both values).
    private static Execution[] Data()
    {
        var records = new List<ExecutionRecord>();
        for (var i = 0; i < 20; i++)
        {
            var seed = i / 2 % 2 + 1;
            records.Add(Record(parameters: Params(("model", "a"), ("seed", seed)), latencyMs: i % 2 == 0 ? 100 : 200, success: i % 10 != 0));
            records.Add(Record(parameters: Params(("model", "b"), ("seed", seed)), latencyMs: i % 2 == 0 ? 300 : 400, success: i % 2 == 0));
        }
        return ExecutionBatch.Validate(records);
    }

    [Fact]
    public void Success_rate_difference_is_tested_by_chi_square_with_cramers_v()
    {
        var model = AnalyticsQueries.InsightsOf(Data(), "summarize").Parameters.Single(p => p.Parameter == "model");

        // 2×2 table 18/2 against 10/10: χ² = 7.61905, p = 0.0057755, V = √(χ²/40) = 0.43644.
        var success = model.SuccessRate!;
        Assert.Equal("chi-square-independence", success.Test.Test);
        Assert.Equal(7.61904761904762, success.Test.Statistic, 9);
        Assert.Equal(0.00577549808930521, success.Test.PValue, 9);
        Assert.Equal(0.436435780471985, success.CramersV!.Value, 9);
        Assert.Equal(("a", "b"), (success.First, success.Second));
        Assert.Equal(0.4, success.Difference, 12);
    }

    [Fact]
    public void Latency_difference_is_tested_by_welch_t_with_cohens_d_and_an_interval()
    {
        var model = AnalyticsQueries.InsightsOf(Data(), "summarize").Parameters.Single(p => p.Parameter == "model");

        // Means 150 and 350, both variances 20·50²/19: d = −3.89872, t = −12.32883 on 38 df, 95% CI [−232.840, −167.160].
        var latency = model.Latency!;
        Assert.Equal(("a", "b"), (latency.First, latency.Second));
        Assert.Equal(-200, latency.Difference, 9);
        Assert.Equal(-12.3288280059380, latency.Test.Statistic, 9);
        Assert.Equal(38, latency.Test.DegreesOfFreedom!.Value, 9);
        Assert.Equal(-3.89871773792359, latency.CohensD!.Value, 9);
        Assert.Equal(-232.840009819862, latency.ConfidenceLow, 6);
        Assert.Equal(-167.159990180138, latency.ConfidenceHigh, 6);
        Assert.True(latency.Significant);
    }

    [Fact]
    public void A_parameter_that_makes_a_difference_is_ranked_above_one_that_does_not()
    {
        var report = AnalyticsQueries.InsightsOf(Data(), "summarize");

        Assert.Equal(["model", "seed"], report.Parameters.Select(p => p.Parameter));
        Assert.True(report.Parameters[0].Matters);
        Assert.False(report.Parameters[1].Matters);
        // One chi-square and one latency pair per parameter, Bonferroni-corrected.
        Assert.Equal(4, report.Tests);
        Assert.Equal(0.0125, report.Alpha, 12);
    }

    [Fact]
    public void Values_with_too_few_executions_are_not_compared()
    {
        var report = AnalyticsQueries.InsightsOf(Data(), "summarize", minSamplesPerValue: 21);

        Assert.Empty(report.Parameters);
    }
}
