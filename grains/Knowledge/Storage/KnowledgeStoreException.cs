using Orleans;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>The knowledge store cannot be used: its database is unreachable or refused the schema.</summary>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeStoreException")]
public sealed class KnowledgeStoreException(string message, Exception? inner = null) : Exception(message, inner);
