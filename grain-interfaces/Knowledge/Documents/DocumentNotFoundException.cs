using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The knowledge base has no document with this id (HTTP 404).</summary>
[GenerateSerializer]
[Alias("Knowledge.DocumentNotFoundException")]
public sealed class DocumentNotFoundException(string documentId)
    : KeyNotFoundException($"There is no document '{documentId}' in this knowledge base.");
