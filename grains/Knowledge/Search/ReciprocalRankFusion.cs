namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// Weighted reciprocal-rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a chunk scores Σ wᵢ / (k + rankᵢ) over
/// the rankings that hold it. It needs no score calibration between BM25 and cosine similarity, only ranks.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>
    /// Fuses two rankings (each best first, no chunk twice within one) into one, best first; ties are broken by chunk
    /// id so that the order is the same wherever it is computed.
    /// </summary>
    public static FusedCandidate[] Fuse(
        ReadOnlySpan<FusionInput> keyword, ReadOnlySpan<FusionInput> vector, double keywordWeight, double vectorWeight, int k)
    {
        var positions = new Dictionary<string, int>(keyword.Length + vector.Length, StringComparer.Ordinal);
        var fused = new FusedCandidate[keyword.Length + vector.Length];
        var count = 0;
        count = Accumulate(keyword, keywordWeight, k, positions, fused, count);
        count = Accumulate(vector, vectorWeight, k, positions, fused, count);
        Array.Resize(ref fused, count);
        Array.Sort(fused, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.ChunkId, b.ChunkId);
        });
        return fused;
    }

    private static int Accumulate(
        ReadOnlySpan<FusionInput> ranking, double weight, int k, Dictionary<string, int> positions, FusedCandidate[] fused, int count)
    {
        for (var rank = 0; rank < ranking.Length; rank++)
        {
            var entry = ranking[rank];
            var contribution = weight / (k + rank + 1);
            if (positions.TryGetValue(entry.ChunkId, out var at))
            {
                fused[at] = fused[at] with { Score = fused[at].Score + contribution };
            }
            else
            {
                positions.Add(entry.ChunkId, count);
                fused[count++] = new FusedCandidate(entry.ChunkId, entry.Handle, entry.Vector, contribution);
            }
        }

        return count;
    }
}
