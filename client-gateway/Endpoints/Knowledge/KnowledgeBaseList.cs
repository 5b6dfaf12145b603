using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>The knowledge bases the caller's key reaches, oldest first.</summary>
public sealed record KnowledgeBaseList(IReadOnlyList<KnowledgeBaseView> KnowledgeBases);
