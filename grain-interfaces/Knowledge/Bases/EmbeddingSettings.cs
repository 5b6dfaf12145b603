using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// Which model embeds a knowledge base's chunks: <c>local</c> (a sentence-embedding model in the silo's process, no
/// network) or <c>openai</c> (an OpenAI-compatible <c>/embeddings</c> endpoint, such as Ollama, vLLM or LM Studio).
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.EmbeddingSettings")]
[Immutable]
public sealed record EmbeddingSettings(string? Provider, string? Model = null, string? Endpoint = null)
{
    public const string Local = "local";
    public const string OpenAi = "openai";
    private const int MaxNameLength = 200;

    public static EmbeddingSettings Default { get; } = new(Local);

    /// <exception cref="KnowledgeValidationException">naming the offending field under <paramref name="field"/>.</exception>
    public EmbeddingSettings Validate(string field)
    {
        if (Provider is not (Local or OpenAi))
            throw new KnowledgeValidationException($"{field}.provider", $"must be \"{Local}\" or \"{OpenAi}\", not \"{Provider}\".");
        KnowledgeText.Storable(Model, $"{field}.model");
        if (Model is { Length: 0 or > MaxNameLength })
            throw new KnowledgeValidationException($"{field}.model", $"must be 1 to {MaxNameLength} characters when given.");
        if (Provider == OpenAi)
        {
            if (string.IsNullOrWhiteSpace(Model))
                throw new KnowledgeValidationException($"{field}.model", "is required for the openai provider (the model the endpoint serves).");
            if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new KnowledgeValidationException($"{field}.endpoint", "must be the absolute http(s) base address of the OpenAI-compatible API, e.g. http://localhost:11434/v1.");
        }
        else if (Endpoint is not null)
        {
            throw new KnowledgeValidationException($"{field}.endpoint", "applies only to the openai provider; the local provider runs in the silo.");
        }
        return this;
    }
}
