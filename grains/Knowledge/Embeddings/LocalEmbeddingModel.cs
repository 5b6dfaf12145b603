namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>A sentence-embedding model that runs in process from its package's ONNX file.</summary>
/// <param name="Name">The name knowledge-base settings use.</param>
/// <param name="Dimensions">The vector length.</param>
/// <param name="MaxSequenceTokens">The tokens the model was trained to read; longer input is truncated.</param>
/// <param name="QueryPrefix">The instruction the model expects before a query (empty when it wants none).</param>
public sealed record LocalEmbeddingModel(string Name, int Dimensions, int MaxSequenceTokens, string QueryPrefix)
{
    /// <summary>all-MiniLM-L6-v2: symmetric, no query instruction, trained on 256-token inputs.</summary>
    public static LocalEmbeddingModel MiniLm { get; } = new("all-MiniLM-L6-v2", 384, 256, "");

    /// <summary>snowflake-arctic-embed-xs: asymmetric retrieval model; queries carry its instruction.</summary>
    public static LocalEmbeddingModel ArcticXs { get; } =
        new("snowflake-arctic-embed-xs", 384, 512, "Represent this sentence for searching relevant passages: ");

    /// <summary>The models shipped with the product.</summary>
    public static IReadOnlyList<LocalEmbeddingModel> All { get; } = [MiniLm, ArcticXs];
}
