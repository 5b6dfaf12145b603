using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Finds which parameters' values make a difference for a task type. For each parameter, executions are grouped
/// by its value (summing the additive statistics of every parameter set holding that value) and the values with at
/// least the minimum number of executions are compared:
/// success rate across all of them by the chi-square test of independence (effect: Cramér's V; plus the best-minus-
/// worst rate difference with its 95% interval); mean latency and mean quality between the best and the worst value
/// by Welch's t-test (effect: Cohen's d; 95% interval of the difference). Because the extreme pair is chosen after
/// looking, each mean comparison counts as all k(k−1)/2 pairwise tests in the Bonferroni correction over the report.
/// </summary>
public static class Insights
{
    public const int DefaultMinSamplesPerValue = 5;
    public const double FamilyAlpha = 0.05;
    public const double SmallCohensD = 0.2;
    public const double SmallCramersV = 0.1;
    private const string Unset = "(unset)";

    public static InsightReport Analyse(string taskType, IReadOnlyList<ParameterSetStatistics> groups, int minSamplesPerValue = DefaultMinSamplesPerValue)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var g in groups)
            names.UnionWith(g.Parameters.Values.Keys);

        var drafts = new List<Draft>();
        var tests = 0;
        foreach (var name in names)
        {
            var byValue = new SortedDictionary<string, ExecutionStatistics>(StringComparer.Ordinal);
            foreach (var g in groups)
            {
                var label = g.Parameters.Values.TryGetValue(name, out var value) ? value.ToString() : Unset;
                byValue[label] = byValue.TryGetValue(label, out var sum) ? sum.Merge(g.Statistics) : g.Statistics;
            }
            var considered = new List<KeyValuePair<string, ExecutionStatistics>>();
            foreach (var entry in byValue)
            {
                if (entry.Value.Count >= minSamplesPerValue)
                    considered.Add(entry);
            }
            if (considered.Count < 2)
                continue;
            var draft = new Draft(name, Summaries(byValue), considered);
            tests += (draft.SuccessTest is null ? 0 : 1) + draft.LatencyPairs + draft.QualityPairs;
            drafts.Add(draft);
        }

        var alpha = FamilyAlpha / Math.Max(tests, 1);
        var insights = new List<ParameterInsight>(drafts.Count);
        foreach (var draft in drafts)
            insights.Add(draft.Finish(alpha));
        insights.Sort(static (a, b) =>
            a.Matters != b.Matters ? b.Matters.CompareTo(a.Matters)
            : Strength(b) != Strength(a) ? Strength(b).CompareTo(Strength(a))
            : string.CompareOrdinal(a.Parameter, b.Parameter));
        return new InsightReport(taskType, minSamplesPerValue, tests, alpha, insights);
    }

    private static double Strength(ParameterInsight insight) =>
        Math.Max(insight.SuccessRate?.CramersV ?? 0, Math.Max(Math.Abs(insight.Latency?.CohensD ?? 0), Math.Abs(insight.Quality?.CohensD ?? 0)));

    private static List<ValueSummary> Summaries(SortedDictionary<string, ExecutionStatistics> byValue)
    {
        var summaries = new List<ValueSummary>(byValue.Count);
        foreach (var (value, s) in byValue)
            summaries.Add(new ValueSummary(value, s.Count, s.SuccessRate ?? 0, s.Latency.Mean ?? 0, s.Quality.Mean));
        return summaries;
    }

    /// <summary>The comparisons of one parameter before the report-wide significance level is known.</summary>
    private sealed class Draft
    {
        private readonly string _name;
        private readonly List<ValueSummary> _values;
        private readonly List<KeyValuePair<string, ExecutionStatistics>> _considered;

        public Draft(string name, List<ValueSummary> values, List<KeyValuePair<string, ExecutionStatistics>> considered)
        {
            _name = name;
            _values = values;
            _considered = considered;
            var successes = new long[considered.Count];
            var counts = new long[considered.Count];
            for (var i = 0; i < considered.Count; i++)
            {
                successes[i] = considered[i].Value.Successes;
                counts[i] = considered[i].Value.Count;
            }
            SuccessTest = SignificanceTests.ChiSquare(successes, counts);
            LatencyPairs = Pairs(static s => s.Latency);
            QualityPairs = Pairs(static s => s.Quality);
        }

        public TestResult? SuccessTest { get; }

        public int LatencyPairs { get; }

        public int QualityPairs { get; }

        public ParameterInsight Finish(double alpha)
        {
            var success = SuccessComparison(alpha);
            var latency = MeanComparison(static s => s.Latency, higherIsBetter: false, LatencyPairs, alpha);
            var quality = MeanComparison(static s => s.Quality, higherIsBetter: true, QualityPairs, alpha);
            var matters = (success is { Significant: true, CramersV: >= SmallCramersV })
                || (latency is { Significant: true } l && Math.Abs(l.CohensD ?? 0) >= SmallCohensD)
                || (quality is { Significant: true } q && Math.Abs(q.CohensD ?? 0) >= SmallCohensD);
            return new ParameterInsight(_name, _values, success, latency, quality, matters);
        }

        private ProportionDifference? SuccessComparison(double alpha)
        {
            if (SuccessTest is null)
                return null;
            var better = _considered[0];
            var worse = _considered[0];
            long total = 0;
            foreach (var entry in _considered)
            {
                total += entry.Value.Count;
                if (entry.Value.SuccessRate > better.Value.SuccessRate)
                    better = entry;
                if (entry.Value.SuccessRate < worse.Value.SuccessRate)
                    worse = entry;
            }
            var (low, high) = SignificanceTests.ProportionDifferenceInterval(better.Value.Successes, better.Value.Count, worse.Value.Successes, worse.Value.Count)!.Value;
            var betterRate = better.Value.SuccessRate!.Value;
            var worseRate = worse.Value.SuccessRate!.Value;
            return new ProportionDifference(better.Key, worse.Key, betterRate, worseRate, betterRate - worseRate, low, high,
                SuccessTest, SignificanceTests.CramersV(SuccessTest.Statistic, total), SuccessTest.PValue < alpha);
        }

        private MeanDifference? MeanComparison(Func<ExecutionStatistics, Moments> measure, bool higherIsBetter, int pairs, double alpha)
        {
            if (pairs == 0)
                return null;
            KeyValuePair<string, ExecutionStatistics>? best = null, worst = null;
            foreach (var entry in _considered)
            {
                var mean = measure(entry.Value);
                if (mean.Count < 2)
                    continue;
                var m = mean.Mean!.Value;
                if (best is null || (higherIsBetter ? m > measure(best.Value.Value).Mean : m < measure(best.Value.Value).Mean))
                    best = entry;
                if (worst is null || (higherIsBetter ? m < measure(worst.Value.Value).Mean : m > measure(worst.Value.Value).Mean))
                    worst = entry;
            }
            var b = measure(best!.Value.Value);
            var w = measure(worst!.Value.Value);
            if (SignificanceTests.Welch(b, w) is not { } test)
                return null;
            var (low, high) = SignificanceTests.WelchInterval(b, w)!.Value;
            return new MeanDifference(best.Value.Key, worst.Value.Key, b.Mean!.Value, w.Mean!.Value, b.Mean.Value - w.Mean.Value,
                low, high, test, SignificanceTests.CohensD(b, w), test.PValue < alpha);
        }

        /// <summary>k(k−1)/2 for the k considered values with at least two observations of the measure.</summary>
        private int Pairs(Func<ExecutionStatistics, Moments> measure)
        {
            var k = 0;
            foreach (var entry in _considered)
            {
                if (measure(entry.Value).Count >= 2)
                    k++;
            }
            return k * (k - 1) / 2;
        }
    }
}
