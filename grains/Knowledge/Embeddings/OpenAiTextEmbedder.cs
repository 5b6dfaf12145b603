using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>
/// Embeds through an OpenAI-compatible <c>/embeddings</c> endpoint (OpenAI, Ollama, vLLM, LM Studio). The dimensions
/// are learnt from the first answer, since compatible servers host models of any size.
/// </summary>
public sealed class OpenAiTextEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Texts per request: within every compatible server's input-array limit.</summary>
    public const int BatchSize = 64;

    // Keyless local servers (Ollama, vLLM) ignore the header, but the client insists on some credential.
    private const string KeylessCredential = "unused";

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private int _dimensions;

    /// <summary>Talks to <paramref name="endpoint"/> (the base address ending in <c>/v1</c>) for <paramref name="model"/>.</summary>
    public OpenAiTextEmbedder(Uri endpoint, string model, string? apiKey, int maxSequenceTokens = 512)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? KeylessCredential : apiKey),
            new OpenAIClientOptions { Endpoint = endpoint });
        _generator = client.GetEmbeddingClient(model).AsIEmbeddingGenerator();
        ModelId = $"openai/{endpoint.Authority}/{model}";
        MaxSequenceTokens = maxSequenceTokens;
    }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int Dimensions => _dimensions;

    /// <inheritdoc />
    public int MaxSequenceTokens { get; }

    /// <inheritdoc />
    public async Task<float[][]> EmbedDocumentsAsync(IReadOnlyList<string> texts, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        var batch = new List<string>(Math.Min(BatchSize, texts.Count));
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            batch.Clear();
            var count = Math.Min(BatchSize, texts.Count - start);
            for (var i = 0; i < count; i++)
            {
                batch.Add(texts[start + i]);
            }

            var embeddings = await _generator.GenerateAsync(batch, cancellationToken: cancellation).ConfigureAwait(false);
            if (embeddings.Count != count)
            {
                throw new InvalidOperationException(
                    $"The embedding endpoint answered {embeddings.Count} vectors for {count} texts ({ModelId}).");
            }

            for (var i = 0; i < count; i++)
            {
                result[start + i] = Accept(embeddings[i]);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(query);
        var embeddings = await _generator.GenerateAsync([query], cancellationToken: cancellation).ConfigureAwait(false);
        return Accept(embeddings[0]);
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();

    private float[] Accept(Embedding<float> embedding)
    {
        var vector = embedding.Vector.ToArray();
        var known = Interlocked.CompareExchange(ref _dimensions, vector.Length, 0);
        if (known != 0 && known != vector.Length)
        {
            throw new InvalidOperationException(
                $"The embedding endpoint changed its vector length from {known} to {vector.Length} ({ModelId}).");
        }

        UnitVectors.Normalize(vector);
        return vector;
    }
}
