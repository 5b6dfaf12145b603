using System.Globalization;
using Cluster.GrainInterfaces.Compute.Analytics;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Recommends a parameter set for a task type and complexity: the highest combined score (<see cref="Effectiveness"/>)
/// among sets with at least the minimum number of executions, with the evidence — its metrics, the runner-up's, and
/// the pre-planned comparison of the two (two-proportion z-test on success, Welch's t-test on quality, α = 0.05).
/// Without enough data, a study's best trial (if given) is recommended instead, labelled as such.
/// </summary>
public static class Recommendations
{
    public const int DefaultMinSamples = 20;
    public const double Alpha = 0.05;

    /// <param name="groups">Rows of the task type and complexity, one per parameter set.</param>
    public static Recommendation Recommend(string taskType, string complexity, IReadOnlyList<ParameterSetStatistics> groups,
        StudyEvidence? study = null, int minSamples = DefaultMinSamples)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var ranked = Effectiveness.Rank(groups);
        var eligible = new List<ParameterSetEffectiveness>();
        long largest = 0;
        foreach (var r in ranked)
        {
            largest = Math.Max(largest, r.Count);
            if (r.Count >= minSamples)
                eligible.Add(r);
        }
        var studyKey = study is null ? null : ParameterSet.Of(study.Parameters).Key;
        ParameterSetEffectiveness? studyObserved = null;
        foreach (var r in ranked)
        {
            if (r.Key == studyKey)
                studyObserved = r;
        }

        if (eligible.Count > 0)
        {
            var best = eligible[0];
            var runnerUp = eligible.Count > 1 ? eligible[1] : null;
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"Highest combined score ({best.Score:F3}) among {eligible.Count} parameter set(s) with at least {minSamples} executions");
            if (runnerUp is not null)
                reason += string.Create(CultureInfo.InvariantCulture, $"; {best.Score - runnerUp.Score:F3} ahead of the runner-up");
            return new Recommendation(taskType, complexity, "analytics", best.Parameters, best, runnerUp,
                runnerUp is null ? null : CompareSuccess(Statistics(groups, best.Key), Statistics(groups, runnerUp.Key), best.Key, runnerUp.Key),
                runnerUp is null ? null : CompareQuality(Statistics(groups, best.Key), Statistics(groups, runnerUp.Key), best.Key, runnerUp.Key),
                ranked.Count, eligible.Count, minSamples, study, studyObserved, study is null ? null : studyKey == best.Key, reason + ".");
        }
        if (study is not null)
        {
            return new Recommendation(taskType, complexity, "study", study.Parameters, null, null, null, null, ranked.Count, 0, minSamples,
                study, studyObserved, true,
                $"No parameter set has {minSamples} executions yet (the largest has {largest}); recommending the best trial of study '{study.Study}'.");
        }
        return new Recommendation(taskType, complexity, "none", null, null, null, null, null, ranked.Count, 0, minSamples, null, null, null,
            $"No parameter set has {minSamples} executions yet (the largest has {largest}) and no study result was given.");
    }

    private static ExecutionStatistics Statistics(IReadOnlyList<ParameterSetStatistics> groups, string key)
    {
        var sum = ExecutionStatistics.None;
        foreach (var g in groups)
        {
            if (g.Parameters.Key == key)
                sum = sum.Merge(g.Statistics);
        }
        return sum;
    }

    private static ProportionDifference? CompareSuccess(ExecutionStatistics best, ExecutionStatistics other, string bestKey, string otherKey)
    {
        if (SignificanceTests.TwoProportion(best.Successes, best.Count, other.Successes, other.Count) is not { } test)
            return null;
        var (low, high) = SignificanceTests.ProportionDifferenceInterval(best.Successes, best.Count, other.Successes, other.Count)!.Value;
        return new ProportionDifference(bestKey, otherKey, best.SuccessRate!.Value, other.SuccessRate!.Value,
            best.SuccessRate.Value - other.SuccessRate.Value, low, high, test, null, test.PValue < Alpha);
    }

    private static MeanDifference? CompareQuality(ExecutionStatistics best, ExecutionStatistics other, string bestKey, string otherKey)
    {
        var (b, o) = (best.Quality, other.Quality);
        if (SignificanceTests.Welch(b, o) is not { } test)
            return null;
        var (low, high) = SignificanceTests.WelchInterval(b, o)!.Value;
        return new MeanDifference(bestKey, otherKey, b.Mean!.Value, o.Mean!.Value, b.Mean.Value - o.Mean.Value, low, high,
            test, SignificanceTests.CohensD(b, o), test.PValue < Alpha);
    }
}
