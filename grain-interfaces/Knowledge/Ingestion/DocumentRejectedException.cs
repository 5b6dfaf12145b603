using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Ingestion;

/// <summary>
/// A document cannot be turned into text: its type is not supported, its bytes are corrupt, or it holds no text. The
/// message says which and what to do; nothing of the document is stored.
/// </summary>
[GenerateSerializer]
[Alias("Knowledge.DocumentRejectedException")]
public abstract class DocumentRejectedException(string message, Exception? inner = null) : Exception(message, inner);
