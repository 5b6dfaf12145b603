namespace Cluster.Grains.Knowledge.Search;

/// <summary>A chunk the index cannot take; <see cref="ChunkId"/> names it and the message says what to fix.</summary>
public sealed class ChunkIndexException(string chunkId, string reason)
    : Exception($"chunk '{chunkId}': {reason}")
{
    /// <summary>The chunk at fault.</summary>
    public string ChunkId { get; } = chunkId;
}
