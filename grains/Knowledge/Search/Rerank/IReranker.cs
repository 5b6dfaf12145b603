namespace Cluster.Grains.Knowledge.Search.Rerank;

/// <summary>Scores how well each passage answers a query, usually with a cross-encoder behind an HTTP endpoint.</summary>
public interface IReranker
{
    /// <summary>The best <paramref name="topN"/> of <paramref name="documents"/> for <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<RerankResult>> RerankAsync(
        string query, IReadOnlyList<string> documents, int topN, CancellationToken cancellation);
}
