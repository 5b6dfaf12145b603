using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Analytics;

namespace Cluster.Tests.Analytics;

/// <summary>Builds execution records for the analytics tests.</summary>
internal static class ExecutionRecords
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ExecutionRecord Record(
        string taskType = "summarize",
        Dictionary<string, ParameterValue>? parameters = null,
        double latencyMs = 100,
        bool success = true,
        double? quality = null,
        double? satisfaction = null,
        long prompt = 10,
        long completion = 5,
        string complexity = "low",
        DateTimeOffset? at = null) =>
        new(taskType, parameters ?? [], "model-x", "provider-y", latencyMs, new TokenCounts(prompt, completion, prompt + completion),
            quality, satisfaction, success, success ? null : "timeout", complexity, "support", at ?? Now.AddHours(-1));

    public static Dictionary<string, ParameterValue> Params(params (string Name, object Value)[] entries)
    {
        var map = new Dictionary<string, ParameterValue>();
        foreach (var (name, value) in entries)
            map[name] = value is string s ? ParameterValue.Of(s) : ParameterValue.Of(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
        return map;
    }

    public static Execution[] Valid(params ExecutionRecord[] records) => ExecutionBatch.Validate(records);
}
