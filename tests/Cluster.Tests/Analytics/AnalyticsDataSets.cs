using Cluster.GrainInterfaces.Compute.Analytics;
using static Cluster.Tests.Analytics.ExecutionRecords;

namespace Cluster.Tests.Analytics;

/// <summary>Execution records of one task type, timed relative to <c>now</c> so the trend windows see them.</summary>
internal static class AnalyticsDataSets
{
    public static string NewTaskType(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>
    /// The set of <see cref="EffectivenessTests.KnownSet"/>: set A (temperature 0.2) an hour ago, in the recent
    /// window; set B (temperature 0.7) eight days ago, in the earlier one; and one execution of another task type.
    /// </summary>
    public static ExecutionRecord[] KnownSet(string taskType, DateTimeOffset now)
    {
        var recent = now.AddHours(-1);
        var earlier = now.AddDays(-8);
        return
        [
            Record(taskType, Params(("temperature", 0.2), ("style", "brief")), 100, quality: 0.8, satisfaction: 4, prompt: 60, completion: 40, at: recent),
            Record(taskType, Params(("temperature", 0.2), ("style", "brief")), 200, quality: 0.6, satisfaction: 3, prompt: 70, completion: 50, at: recent),
            Record(taskType, Params(("style", "brief"), ("temperature", 0.2)), 300, quality: 0.7, prompt: 80, completion: 60, at: recent),
            Record(taskType, Params(("temperature", 0.2), ("style", "brief")), 400, success: false, prompt: 90, completion: 70, at: recent),
            Record(taskType, Params(("temperature", 0.7), ("style", "brief")), 150, quality: 0.9, satisfaction: 5, prompt: 150, completion: 50, at: earlier),
            Record(taskType, Params(("temperature", 0.7), ("style", "brief")), 150, quality: 0.9, satisfaction: 4, prompt: 150, completion: 50, at: earlier),
            Record(taskType, Params(("temperature", 0.7), ("style", "brief")), 300, quality: 0.6, satisfaction: 5, prompt: 150, completion: 50, at: earlier),
            Record(taskType + "-other", Params(("temperature", 0.2), ("style", "brief")), 9999, at: recent),
        ];
    }

    /// <summary>
    /// <paramref name="count"/> executions over three parameter sets (temperature × style), two complexities and
    /// 2·<paramref name="count"/> hours, with varied latency, outcome, tokens and partly missing ratings. The sets
    /// differ unevenly, so no two parameters' effects tie and orders do not hinge on the last bits of a sum.
    /// </summary>
    public static ExecutionRecord[] Generated(string taskType, DateTimeOffset now, int count)
    {
        var records = new ExecutionRecord[count];
        for (var i = 0; i < count; i++)
        {
            var set = i % 3;
            var parameters = set switch
            {
                0 => Params(("temperature", 0.2), ("style", "brief")),
                1 => Params(("temperature", 0.7), ("style", "brief")),
                _ => Params(("temperature", 0.7), ("style", "verbose")),
            };
            records[i] = Record(
                taskType,
                parameters,
                latencyMs: 80 + 30 * set * set + 13 * (i * 7 % 11),
                success: (i * 5 + set) % 7 != 0,
                quality: i % 4 == 3 ? null : 0.4 + 0.05 * set * set + 0.03 * (i * 3 % 7),
                satisfaction: i % 5 == 4 ? null : Math.Min(5, 2 + set + i % 3 * 0.5),
                prompt: 50 + 10 * set + i % 13,
                completion: 20 + i * 3 % 17,
                complexity: i / 3 % 2 == 0 ? "low" : "high",
                at: now.AddHours(-1 - 2 * i));
        }
        return records;
    }
}
