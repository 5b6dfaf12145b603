namespace Cluster.Grains.Knowledge.Search.Rerank;

/// <summary>One reranked passage.</summary>
/// <param name="Index">Its index in the list sent.</param>
/// <param name="Score">The reranker's relevance score; higher is better.</param>
public readonly record struct RerankResult(int Index, double Score);
