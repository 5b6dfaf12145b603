using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>The caller's tenant has no knowledge base with this id (HTTP 404; another tenant's look the same).</summary>
[GenerateSerializer]
[Alias("Knowledge.KnowledgeBaseNotFoundException")]
public sealed class KnowledgeBaseNotFoundException(string knowledgeBaseId)
    : KeyNotFoundException($"There is no knowledge base '{knowledgeBaseId}'.");
