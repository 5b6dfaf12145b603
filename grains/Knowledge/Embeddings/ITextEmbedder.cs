namespace Cluster.Grains.Knowledge.Embeddings;

/// <summary>Turns text into L2-normalised vectors; one instance may be shared by many knowledge bases and threads.</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model: chunks embedded by different models never share an index.</summary>
    string ModelId { get; }

    /// <summary>The length of every vector this embedder returns.</summary>
    int Dimensions { get; }

    /// <summary>The longest input, in the model's tokens, that is embedded whole; longer text is truncated.</summary>
    int MaxSequenceTokens { get; }

    /// <summary>Embeds passages to be searched, in batches; the result has one vector per text, in order.</summary>
    Task<float[][]> EmbedDocumentsAsync(IReadOnlyList<string> texts, CancellationToken cancellation);

    /// <summary>Embeds a search query, with the model's query instruction when it has one.</summary>
    Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellation);
}
