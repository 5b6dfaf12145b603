using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>The answer of a search: the chunks found, best first, and the knowledge-base version searched.</summary>
public sealed record SearchResults(IReadOnlyList<KnowledgeSearchHit> Results, long Version);
