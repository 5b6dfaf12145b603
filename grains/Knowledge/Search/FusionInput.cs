namespace Cluster.Grains.Knowledge.Search;

/// <summary>One entry of a ranking to be fused: which chunk, the caller's handle for it, and its unit embedding.</summary>
/// <param name="ChunkId">Identifies the chunk across rankings.</param>
/// <param name="Handle">The caller's reference to the chunk (a row, or an index into a candidate list).</param>
/// <param name="Vector">The chunk's unit embedding, used by MMR.</param>
public readonly record struct FusionInput(string ChunkId, int Handle, ReadOnlyMemory<float> Vector);
