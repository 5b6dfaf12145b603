using System.Text.Json.Serialization;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Additive sufficient statistics of a set of executions: counts, sums and sums of squares. Two sets combine by
/// adding field by field (<see cref="Merge"/>), so a database can compute them with <c>count</c>/<c>sum</c> in one
/// grouped query and push them here; means, variances, rates and every test in this engine derive from them.
/// Quality and satisfaction are optional per execution and keep their own counts.
/// </summary>
public sealed record ExecutionStatistics(
    long Count,
    long Successes,
    double LatencySum,
    double LatencySquares,
    double PromptTokens,
    double CompletionTokens,
    double TotalTokens,
    long QualityCount,
    double QualitySum,
    double QualitySquares,
    long SatisfactionCount,
    double SatisfactionSum,
    double SatisfactionSquares)
{
    public static ExecutionStatistics None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static ExecutionStatistics Of(IEnumerable<Execution> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        long count = 0, successes = 0, qualityCount = 0, satisfactionCount = 0;
        double latency = 0, latencySquares = 0, prompt = 0, completion = 0, total = 0;
        double quality = 0, qualitySquares = 0, satisfaction = 0, satisfactionSquares = 0;
        foreach (var e in executions)
        {
            count++;
            if (e.Success)
                successes++;
            latency += e.ExecutionTimeMs;
            latencySquares += e.ExecutionTimeMs * e.ExecutionTimeMs;
            prompt += e.Tokens.Prompt;
            completion += e.Tokens.Completion;
            total += e.Tokens.Total;
            if (e.ResponseQuality is { } q)
            {
                qualityCount++;
                quality += q;
                qualitySquares += q * q;
            }
            if (e.UserSatisfaction is { } s)
            {
                satisfactionCount++;
                satisfaction += s;
                satisfactionSquares += s * s;
            }
        }
        return new ExecutionStatistics(count, successes, latency, latencySquares, prompt, completion, total,
            qualityCount, quality, qualitySquares, satisfactionCount, satisfaction, satisfactionSquares);
    }

    public ExecutionStatistics Merge(ExecutionStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ExecutionStatistics(
            Count + other.Count, Successes + other.Successes,
            LatencySum + other.LatencySum, LatencySquares + other.LatencySquares,
            PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens, TotalTokens + other.TotalTokens,
            QualityCount + other.QualityCount, QualitySum + other.QualitySum, QualitySquares + other.QualitySquares,
            SatisfactionCount + other.SatisfactionCount, SatisfactionSum + other.SatisfactionSum, SatisfactionSquares + other.SatisfactionSquares);
    }

    [JsonIgnore] public Moments Latency => new(Count, LatencySum, LatencySquares);

    [JsonIgnore] public Moments Quality => new(QualityCount, QualitySum, QualitySquares);

    [JsonIgnore] public Moments Satisfaction => new(SatisfactionCount, SatisfactionSum, SatisfactionSquares);

    [JsonIgnore] public double? SuccessRate => Count > 0 ? (double)Successes / Count : null;
}
