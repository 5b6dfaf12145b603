namespace Cluster.Grains.Knowledge.Storage;

/// <summary>One embedded chunk of a document, as stored.</summary>
/// <param name="Embedding">The chunk's L2-normalised vector under the model it is stored for.</param>
public sealed record ChunkRecord(
    int Position,
    string Text,
    IReadOnlyList<string> HeadingPath,
    string ContentHash,
    bool Enabled,
    float[] Embedding);
