using System.Collections.Concurrent;

namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>
/// Creates the embedder a knowledge base's settings name. A local model is loaded once per process and shared by every
/// knowledge base that uses it; an endpoint embedder is shared per (endpoint, model, key).
/// </summary>
public sealed class EmbedderCatalog : IDisposable
{
    /// <summary>The local model used when settings name none: the better of the shipped models on SciFact (nDCG@10).</summary>
    public static LocalEmbeddingModel DefaultLocalModel => LocalEmbeddingModel.ArcticXs;

    private readonly ConcurrentDictionary<string, Lazy<ITextEmbedder>> _embedders = new(StringComparer.Ordinal);

    /// <summary>The embedder for <paramref name="settings"/>; throws <see cref="EmbedderSettingsException"/> naming the bad setting.</summary>
    public ITextEmbedder Get(EmbedderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        var key = settings.Provider == EmbeddingProvider.Local
            ? "local/" + ResolveLocal(settings.Model).Name
            : $"openai/{settings.Endpoint}/{settings.Model}/{settings.ApiKey}";
        return _embedders.GetOrAdd(key, _ => new Lazy<ITextEmbedder>(() => Create(settings))).Value;
    }

    /// <summary>Checks <paramref name="settings"/> without loading anything; throws <see cref="EmbedderSettingsException"/>.</summary>
    public static void Validate(EmbedderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case EmbeddingProvider.Local:
                if (settings.Endpoint is not null)
                {
                    throw new EmbedderSettingsException("endpoint", "a local model takes no endpoint; use provider \"openai\" for an endpoint.");
                }

                ResolveLocal(settings.Model);
                break;
            case EmbeddingProvider.OpenAi:
                if (settings.Endpoint is null || !settings.Endpoint.IsAbsoluteUri
                    || (settings.Endpoint.Scheme != Uri.UriSchemeHttp && settings.Endpoint.Scheme != Uri.UriSchemeHttps))
                {
                    throw new EmbedderSettingsException("endpoint", "must be an absolute http(s) address such as http://localhost:11434/v1.");
                }

                if (string.IsNullOrWhiteSpace(settings.Model))
                {
                    throw new EmbedderSettingsException("model", "is required for provider \"openai\" (e.g. text-embedding-3-small).");
                }

                break;
            default:
                throw new EmbedderSettingsException("provider", "must be \"local\" or \"openai\".");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var embedder in _embedders.Values)
        {
            if (embedder.IsValueCreated && embedder.Value is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        _embedders.Clear();
    }

    private static LocalEmbeddingModel ResolveLocal(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return DefaultLocalModel;
        }

        foreach (var model in LocalEmbeddingModel.All)
        {
            if (string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }

        throw new EmbedderSettingsException("model", $"'{name}' is not a local model; use one of {LocalTextEmbedder.LocalModelNames}.");
    }

    private static ITextEmbedder Create(EmbedderSettings settings) => settings.Provider == EmbeddingProvider.Local
        ? new LocalTextEmbedder(ResolveLocal(settings.Model))
        : new OpenAiTextEmbedder(settings.Endpoint!, settings.Model!, settings.ApiKey);
}
