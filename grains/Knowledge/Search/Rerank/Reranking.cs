using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Knowledge.Search.Rerank;

/// <summary>Reorders a search's results by a reranker; each kept hit's score becomes the reranker's score.</summary>
public static class Reranking
{
    /// <summary>The best <paramref name="topK"/> of <paramref name="hits"/> by <paramref name="reranker"/>'s judgement of their text.</summary>
    public static async Task<IReadOnlyList<KnowledgeSearchHit>> ApplyAsync(
        IReranker reranker, string query, IReadOnlyList<KnowledgeSearchHit> hits, int topK, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return hits;
        }

        var texts = new string[hits.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = hits[i].Text;
        }

        var ranked = await reranker.RerankAsync(query, texts, topK, cancellation).ConfigureAwait(false);
        var result = new List<KnowledgeSearchHit>(Math.Min(topK, ranked.Count));
        for (var i = 0; i < ranked.Count && result.Count < topK; i++)
        {
            result.Add(hits[ranked[i].Index] with { Score = ranked[i].Score });
        }

        return result;
    }
}
