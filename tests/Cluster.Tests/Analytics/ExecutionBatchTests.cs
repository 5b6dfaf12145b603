using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.Grains.Compute.Analytics;
using Xunit;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

public class ExecutionBatchTests
{
    private static string FieldOf(params ExecutionRecord?[] records) =>
        Assert.Throws<ExecutionValidationException>(() => ExecutionBatch.Validate(records)).Field;

    [Fact]
    public void Posted_json_binds_and_validates()
    {
        const string json = """
            [{"taskType":"summarize","parameters":{"temperature":0.2,"style":"brief","stream":true},"model":"m","provider":"p",
              "executionTimeMs":812.5,"tokens":{"prompt":100,"completion":50,"total":150},"responseQuality":0.9,"userSatisfaction":4,
              "success":true,"complexity":"high","domain":"legal","timestamp":"2026-03-01T10:00:00Z"}]
            """;
        var records = JsonSerializer.Deserialize<ExecutionRecord[]>(json, JsonSerializerOptions.Web)!;

        var executions = ExecutionBatch.Validate(records);

        var e = Assert.Single(executions);
        Assert.Equal(812.5, e.ExecutionTimeMs);
        Assert.Equal(150, e.Tokens.Total);
        Assert.Equal("""{"stream":"true","style":"brief","temperature":0.2}""", e.Parameters.Key);
    }

    [Fact]
    public void Parameter_sets_are_equal_whatever_the_order_of_their_names()
    {
        var executions = Valid(
            Record(parameters: Params(("a", 1), ("b", "x"))),
            Record(parameters: Params(("b", "x"), ("a", 1))));

        Assert.Equal(executions[0].Parameters, executions[1].Parameters);
        Assert.Single(ExecutionGrouping.ByParameterSet(executions));
    }

    [Fact]
    public void Missing_task_type_names_the_record() =>
        Assert.Equal("[1].taskType", FieldOf(Record(), Record(taskType: "")));

    [Fact]
    public void Quality_outside_zero_to_one_is_rejected() =>
        Assert.Equal("[0].responseQuality", FieldOf(Record(quality: 1.5)));

    [Fact]
    public void Satisfaction_outside_zero_to_five_is_rejected() =>
        Assert.Equal("[0].userSatisfaction", FieldOf(Record(satisfaction: 5.5)));

    [Fact]
    public void Negative_latency_is_rejected() =>
        Assert.Equal("[0].executionTimeMs", FieldOf(Record(latencyMs: -1)));

    [Fact]
    public void Token_total_below_its_parts_is_rejected() =>
        Assert.Equal("[0].tokens.total", FieldOf(Record() with { Tokens = new TokenCounts(10, 5, 12) }));

    [Fact]
    public void Negative_prompt_tokens_are_rejected() =>
        Assert.Equal("[0].tokens.prompt", FieldOf(Record() with { Tokens = new TokenCounts(-1, 5, 12) }));

    [Fact]
    public void Missing_tokens_are_rejected() =>
        Assert.Equal("[0].tokens", FieldOf(Record() with { Tokens = null }));

    [Fact]
    public void Missing_success_is_rejected() =>
        Assert.Equal("[0].success", FieldOf(Record() with { Success = null }));

    [Fact]
    public void Error_type_on_a_success_is_rejected() =>
        Assert.Equal("[0].errorType", FieldOf(Record() with { ErrorType = "timeout" }));

    [Fact]
    public void Missing_timestamp_is_rejected() =>
        Assert.Equal("[0].timestamp", FieldOf(Record() with { Timestamp = null }));

    [Fact]
    public void Non_finite_parameter_values_are_rejected() =>
        Assert.Equal("[0].parameters.temperature", FieldOf(Record(parameters: Params(("temperature", double.NaN)))));

    [Fact]
    public void Text_a_database_cannot_store_is_rejected()
    {
        Assert.Equal("[0].model", FieldOf(Record() with { Model = "model\0name" }));
        Assert.Equal("[1].domain", FieldOf(Record(), Record() with { Domain = "half \ud83d pair" }));
        Assert.Single(Valid(Record() with { Domain = "whole \ud83d\ude00 pair" }));
    }

    [Fact]
    public void Null_records_are_rejected() =>
        Assert.Equal("[2]", FieldOf(Record(), Record(), null));

    [Fact]
    public void Batches_above_ten_thousand_records_are_rejected()
    {
        var records = Enumerable.Repeat(Record(), ExecutionBatch.MaxRecords + 1).ToArray();

        var ex = Assert.Throws<ExecutionValidationException>(() => ExecutionBatch.Validate(records));

        Assert.Equal("", ex.Field);
        Assert.Equal(ExecutionBatch.MaxRecords, ExecutionBatch.Validate(records[..ExecutionBatch.MaxRecords]).Length);
    }
}
