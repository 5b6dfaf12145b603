using System.Numerics.Tensors;

namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): picks, one at a time, the candidate maximising
/// λ·relevance − (1 − λ)·(its highest cosine similarity to those already picked). Relevance is the fused score divided by
/// the best one, so λ means the same whatever the scores' scale. Near-duplicates of a picked chunk fall behind
/// distinct chunks of similar relevance.
/// </summary>
public static class MaximalMarginalRelevance
{
    /// <summary>
    /// Picks up to <paramref name="picked"/>.Length of <paramref name="candidates"/> (best first by score); writes their
    /// indexes in pick order and returns how many. λ = 1 keeps the candidates' order.
    /// </summary>
    public static int Select(ReadOnlySpan<FusedCandidate> candidates, double lambda, Span<int> picked)
    {
        var wanted = Math.Min(picked.Length, candidates.Length);
        if (wanted == 0)
        {
            return 0;
        }

        if (lambda >= 1.0)
        {
            for (var i = 0; i < wanted; i++)
            {
                picked[i] = i;
            }

            return wanted;
        }

        var max = double.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            max = Math.Max(max, candidate.Score);
        }

        var nearest = new float[candidates.Length];
        var taken = new bool[candidates.Length];
        Array.Fill(nearest, float.NegativeInfinity);
        for (var round = 0; round < wanted; round++)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < candidates.Length; i++)
            {
                if (taken[i])
                {
                    continue;
                }

                var relevance = max > 0 ? candidates[i].Score / max : 1.0;
                var redundancy = round == 0 ? 0.0 : nearest[i];
                var value = (lambda * relevance) - ((1 - lambda) * redundancy);
                if (value > bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }

            taken[best] = true;
            picked[round] = best;
            var chosen = candidates[best].Vector.Span;
            for (var i = 0; i < candidates.Length; i++)
            {
                if (!taken[i])
                {
                    var similarity = TensorPrimitives.Dot(chosen, candidates[i].Vector.Span);
                    if (similarity > nearest[i])
                    {
                        nearest[i] = similarity;
                    }
                }
            }
        }

        return wanted;
    }
}
