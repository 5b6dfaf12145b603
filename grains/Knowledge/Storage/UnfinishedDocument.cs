namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A document left pending or processing, to offer to a worker again.</summary>
public readonly record struct UnfinishedDocument(string KnowledgeBaseId, string DocumentId);
