namespace Cluster.Grains.Knowledge.Evaluation;

/// <summary>
/// Normalised discounted cumulative gain at a cut-off, as trec_eval's <c>ndcg_cut</c> (used by BEIR) computes it:
/// gain = the graded relevance, discount = log2(rank + 1) with ranks from 1, normalised by the ideal ordering of the
/// judged documents. A document ranked twice counts at its first rank only.
/// </summary>
public static class Ndcg
{
    /// <summary>nDCG@<paramref name="k"/> of <paramref name="ranked"/> (best first) against <paramref name="relevance"/> (document → grade).</summary>
    public static double At(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevance);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dcg = 0.0;
        var rank = 0;
        for (var i = 0; i < ranked.Count && rank < k; i++)
        {
            if (!seen.Add(ranked[i]))
            {
                continue;
            }

            rank++;
            if (relevance.TryGetValue(ranked[i], out var grade) && grade > 0)
            {
                dcg += grade / Math.Log2(rank + 1);
            }
        }

        var grades = new List<int>(relevance.Count);
        foreach (var grade in relevance.Values)
        {
            if (grade > 0)
            {
                grades.Add(grade);
            }
        }

        grades.Sort(static (a, b) => b.CompareTo(a));
        var ideal = 0.0;
        for (var i = 0; i < grades.Count && i < k; i++)
        {
            ideal += grades[i] / Math.Log2(i + 2);
        }

        return ideal > 0 ? dcg / ideal : 0.0;
    }
}
