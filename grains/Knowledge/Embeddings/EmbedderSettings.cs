namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>A knowledge base's choice of embedder.</summary>
/// <param name="Provider">Local model or OpenAI-compatible endpoint.</param>
/// <param name="Model">The model name; null picks the default local model (required for <see cref="EmbeddingProvider.OpenAi"/>).</param>
/// <param name="Endpoint">The OpenAI-compatible base address, e.g. <c>http://localhost:11434/v1</c>; only for <see cref="EmbeddingProvider.OpenAi"/>.</param>
/// <param name="ApiKey">The endpoint's key, if it wants one.</param>
public sealed record EmbedderSettings(
    EmbeddingProvider Provider = EmbeddingProvider.Local,
    string? Model = null,
    Uri? Endpoint = null,
    string? ApiKey = null)
{
    /// <summary>The offline default.</summary>
    public static EmbedderSettings Default { get; } = new();
}
