using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>Where a document is in its ingestion.</summary>
[GenerateSerializer]
[Alias("Knowledge.DocumentStatus")]
[JsonConverter(typeof(JsonStringEnumConverter<DocumentStatus>))]
public enum DocumentStatus
{
    /// <summary>Stored and waiting for a worker.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>A worker is chunking and embedding it.</summary>
    [JsonStringEnumMemberName("processing")] Processing,

    /// <summary>Its chunks are stored and searchable.</summary>
    [JsonStringEnumMemberName("completed")] Completed,

    /// <summary>It could not be ingested; the error says why.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
