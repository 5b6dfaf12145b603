namespace Cluster.Grains.Knowledge.Search.Rerank;

/// <summary>The rerank endpoint failed or answered something unusable; the message says which and what it said.</summary>
public sealed class RerankException(string message, Exception? innerException = null) : Exception(message, innerException);
