using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Ingestion;

/// <summary>The document claims a supported type but its bytes cannot be read as one (e.g. a truncated PDF or zip).</summary>
[GenerateSerializer]
[Alias("Knowledge.CorruptDocumentException")]
public sealed class CorruptDocumentException(string message, Exception? inner = null) : DocumentRejectedException(message, inner);
