namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>Where a knowledge base's embeddings are computed.</summary>
public enum EmbeddingProvider
{
    /// <summary>In process, by a sentence-embedding model shipped with the product; no network.</summary>
    Local,

    /// <summary>By an OpenAI-compatible <c>/embeddings</c> endpoint (OpenAI, Ollama, vLLM, LM Studio).</summary>
    OpenAi,
}
