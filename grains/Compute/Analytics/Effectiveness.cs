using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Ranks parameter sets by a combined score in [0, 1]:
/// <code>
/// score = Σ wᵢ·cᵢ / Σ wᵢ over the components available for the set, where
///   success      = success rate                                   w = 0.35
///   quality      = mean response quality (0–1)                    w = 0.30  (if any execution was rated)
///   satisfaction = mean user satisfaction / 5                     w = 0.15  (if any execution was rated)
///   speed        = lowest mean latency among the compared sets
///                  / this set's mean latency                      w = 0.10  (1 when this mean is 0)
///   economy      = lowest mean total tokens among the compared sets
///                  / this set's mean total tokens                 w = 0.10  (1 when this mean is 0)
/// </code>
/// Outcomes weigh most; speed and cost are relative to the best of the sets compared, so they separate sets that
/// are equally good otherwise without letting raw milliseconds or token counts dominate.
/// </summary>
public static class Effectiveness
{
    public const double SuccessWeight = 0.35;
    public const double QualityWeight = 0.30;
    public const double SatisfactionWeight = 0.15;
    public const double SpeedWeight = 0.10;
    public const double EconomyWeight = 0.10;

    /// <summary>Scores every set against the others; best first (ties: more executions, then key order).</summary>
    public static IReadOnlyList<ParameterSetEffectiveness> Rank(IReadOnlyList<ParameterSetStatistics> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var fastest = double.PositiveInfinity;
        var cheapest = double.PositiveInfinity;
        foreach (var g in groups)
        {
            if (g.Statistics.Count == 0)
                continue;
            fastest = Math.Min(fastest, g.Statistics.LatencySum / g.Statistics.Count);
            cheapest = Math.Min(cheapest, g.Statistics.TotalTokens / g.Statistics.Count);
        }
        var ranked = new List<ParameterSetEffectiveness>(groups.Count);
        foreach (var g in groups)
        {
            if (g.Statistics.Count > 0)
                ranked.Add(Measure(g, fastest, cheapest));
        }
        ranked.Sort(static (a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : b.Count != a.Count ? b.Count.CompareTo(a.Count)
            : string.CompareOrdinal(a.Key, b.Key));
        return ranked;
    }

    private static ParameterSetEffectiveness Measure(ParameterSetStatistics group, double fastest, double cheapest)
    {
        var s = group.Statistics;
        var meanLatency = s.LatencySum / s.Count;
        var meanTokens = s.TotalTokens / s.Count;
        var successRate = (double)s.Successes / s.Count;
        var quality = s.Quality.Mean;
        var satisfaction = s.Satisfaction.Mean;

        var weighted = SuccessWeight * successRate
            + SpeedWeight * (meanLatency > 0 ? fastest / meanLatency : 1)
            + EconomyWeight * (meanTokens > 0 ? cheapest / meanTokens : 1);
        var weights = SuccessWeight + SpeedWeight + EconomyWeight;
        if (quality is { } q)
        {
            weighted += QualityWeight * q;
            weights += QualityWeight;
        }
        if (satisfaction is { } sat)
        {
            weighted += SatisfactionWeight * sat / 5;
            weights += SatisfactionWeight;
        }
        return new ParameterSetEffectiveness(
            group.Parameters.Key, group.Parameters.Values, s.Count, successRate, meanLatency, group.P95LatencyMs,
            s.PromptTokens / s.Count, s.CompletionTokens / s.Count, meanTokens, quality, satisfaction, weighted / weights);
    }
}
