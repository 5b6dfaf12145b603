using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Search.Rerank;

namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// One knowledge base's search from query text to results: embeds the query (not for keyword mode), searches the
/// index, and, when the knowledge base has a reranker, reranks a wider pool of results down to top-k.
/// </summary>
public sealed class KnowledgeSearcher
{
    private readonly ITextEmbedder _embedder;
    private readonly IReranker? _reranker;
    private readonly int _rerankCandidates;

    /// <summary>Searches with <paramref name="embedder"/>'s query embeddings; reranks <paramref name="rerankCandidates"/> results when <paramref name="reranker"/> is given.</summary>
    public KnowledgeSearcher(ITextEmbedder embedder, IReranker? reranker = null, int rerankCandidates = 30)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentOutOfRangeException.ThrowIfLessThan(rerankCandidates, 1);
        _embedder = embedder;
        _reranker = reranker;
        _rerankCandidates = rerankCandidates;
    }

    /// <summary>The query's embedding, or null when <paramref name="request"/> is a keyword search and needs none.</summary>
    public async Task<float[]?> EmbedQueryAsync(KnowledgeSearchRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Mode == SearchMode.Keyword ? null : await _embedder.EmbedQueryAsync(request.Query, cancellation).ConfigureAwait(false);
    }

    /// <summary>The results of <paramref name="request"/> over <paramref name="index"/>, best first.</summary>
    public async Task<IReadOnlyList<KnowledgeSearchHit>> SearchAsync(
        KnowledgeIndex index, KnowledgeSearchRequest request, HybridSearchSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var vector = await EmbedQueryAsync(request, cancellation).ConfigureAwait(false);
        if (_reranker is null)
        {
            return index.Search(request, vector, settings);
        }

        var pool = index.Search(request with { TopK = Math.Max(request.TopK, _rerankCandidates) }, vector, settings);
        return await Reranking.ApplyAsync(_reranker, request.Query, pool, request.TopK, cancellation).ConfigureAwait(false);
    }
}
