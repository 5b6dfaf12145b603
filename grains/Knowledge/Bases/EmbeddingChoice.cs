using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Embeddings;

namespace Cluster.Grains.Knowledge.Bases;

/// <summary>A knowledge base's embedding settings as the embedder catalogue takes them.</summary>
public static class EmbeddingChoice
{
    public static EmbedderSettings ToEmbedderSettings(EmbeddingSettings settings) =>
        settings.Provider == EmbeddingSettings.OpenAi
            ? new EmbedderSettings(EmbeddingProvider.OpenAi, settings.Model, new Uri(settings.Endpoint!, UriKind.Absolute))
            : new EmbedderSettings(EmbeddingProvider.Local, settings.Model);

    /// <summary>Checks the settings name an embedder this silo can make (without loading it).</summary>
    /// <exception cref="KnowledgeValidationException">naming the setting under <paramref name="field"/>, e.g. <c>embedding.model</c>.</exception>
    public static EmbeddingSettings Validate(EmbeddingSettings settings, string field)
    {
        settings.Validate(field);
        try
        {
            EmbedderCatalog.Validate(ToEmbedderSettings(settings));
        }
        catch (EmbedderSettingsException e)
        {
            throw new KnowledgeValidationException($"{field}.{e.Field}", e.Message[(e.Message.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        }
        return settings;
    }
}
