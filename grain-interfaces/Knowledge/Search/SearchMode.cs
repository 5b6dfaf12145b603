namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>How a knowledge base is searched.</summary>
public enum SearchMode
{
    /// <summary>Keyword and vector rankings fused by weighted reciprocal rank, then de-duplicated.</summary>
    Hybrid,

    /// <summary>BM25 over the chunks' text.</summary>
    Keyword,

    /// <summary>Cosine similarity of the query's embedding to the chunks'.</summary>
    Vector,
}
