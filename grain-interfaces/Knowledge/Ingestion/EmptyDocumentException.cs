using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Ingestion;

/// <summary>The document was read but holds no text to index (e.g. an empty file or a PDF of scanned images).</summary>
[GenerateSerializer]
[Alias("Knowledge.EmptyDocumentException")]
public sealed class EmptyDocumentException(string message) : DocumentRejectedException(message);
