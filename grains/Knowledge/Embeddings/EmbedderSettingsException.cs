namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>Embedding settings that name no usable embedder; <see cref="Field"/> names the setting to fix.</summary>
public sealed class EmbedderSettingsException(string field, string reason)
    : Exception($"embedding.{field}: {reason}")
{
    /// <summary>The setting at fault, relative to the embedding settings (e.g. <c>model</c>).</summary>
    public string Field { get; } = field;
}
