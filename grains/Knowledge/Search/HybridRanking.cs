namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// The hybrid ranking shared by a single index and the merger of shards: weighted reciprocal-rank fusion of the keyword
/// and vector rankings, the threshold on the fused score, then MMR de-duplication down to top-k.
/// </summary>
public static class HybridRanking
{
    /// <summary>The chosen chunks, best first; each keeps its fused score.</summary>
    public static FusedCandidate[] Select(
        ReadOnlySpan<FusionInput> keyword,
        ReadOnlySpan<FusionInput> vector,
        HybridSearchSettings settings,
        int topK,
        double? threshold)
    {
        var fused = ReciprocalRankFusion.Fuse(keyword, vector, settings.KeywordWeight, settings.VectorWeight, settings.RrfK);
        var eligible = fused.Length;
        if (threshold is { } floor)
        {
            // Sorted best first: everything from the first score under the threshold on is dropped.
            while (eligible > 0 && fused[eligible - 1].Score < floor)
            {
                eligible--;
            }
        }

        var picked = new int[Math.Min(topK, eligible)];
        var count = MaximalMarginalRelevance.Select(fused.AsSpan(0, eligible), settings.MmrLambda, picked);
        var result = new FusedCandidate[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = fused[picked[i]];
        }

        return result;
    }
}
