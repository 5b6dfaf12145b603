using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Ingestion;

/// <summary>Chunking options out of bounds; <see cref="Field"/> names the option (e.g. <c>chunking.overlap</c>).</summary>
[GenerateSerializer]
[Alias("Knowledge.ChunkingOptionsException")]
public sealed class ChunkingOptionsException(string field, string message) : ArgumentException(message)
{
    [Id(0)]
    public string Field { get; } = field;
}
