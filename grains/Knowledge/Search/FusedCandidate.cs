namespace Cluster.Grains.Knowledge.Search;

/// <summary>A chunk after reciprocal-rank fusion, with its fused score.</summary>
/// <param name="ChunkId">The chunk.</param>
/// <param name="Handle">The caller's reference to the chunk, from the first ranking that held it.</param>
/// <param name="Vector">The chunk's unit embedding.</param>
/// <param name="Score">Σ weight / (k + rank) over the rankings that hold the chunk, ranks from 1.</param>
public readonly record struct FusedCandidate(string ChunkId, int Handle, ReadOnlyMemory<float> Vector, double Score);
