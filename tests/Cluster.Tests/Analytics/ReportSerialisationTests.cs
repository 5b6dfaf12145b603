using System.Text.Json;
using Cluster.Grains.Compute.Analytics;
using Xunit;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

public class ReportSerialisationTests
{
    [Fact]
    public void Reports_serialise_to_json_even_where_tests_could_not_run()
    {
        // One execution per set: no variances, so tests are absent rather than NaN (which JSON cannot carry).
        var executions = Valid(Record(parameters: Params(("t", 1))), Record(parameters: Params(("t", 2)), success: false));

        var effectiveness = JsonSerializer.Serialize(AnalyticsQueries.EffectivenessOf(executions, "summarize", Now, TimeSpan.FromDays(7)), JsonSerializerOptions.Web);
        var insights = JsonSerializer.Serialize(AnalyticsQueries.InsightsOf(executions, "summarize", minSamplesPerValue: 1), JsonSerializerOptions.Web);
        var recommendation = JsonSerializer.Serialize(AnalyticsQueries.RecommendationFor(executions, "summarize", "low", minSamples: 1), JsonSerializerOptions.Web);

        Assert.Contains("\"score\"", effectiveness, StringComparison.Ordinal);
        Assert.Contains("\"parameter\":\"t\"", insights, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"analytics\"", recommendation, StringComparison.Ordinal);
    }
}
