using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// One knowledge base, keyed by its id. It owns the search-index snapshot of its completed documents and brings it up
/// to date whenever the knowledge base's version moves (a document completed, deleted or re-embedded).
/// </summary>
[Alias("Knowledge.IKnowledgeBaseGrain")]
public interface IKnowledgeBaseGrain : IGrainWithStringKey
{
    /// <summary>Searches the completed documents; the response names the version searched.</summary>
    [Alias("SearchAsync")]
    Task<KnowledgeSearchResponse> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellation);

    /// <summary>The current version: it moves whenever search results could change.</summary>
    [Alias("GetVersionAsync")]
    Task<long> GetVersionAsync();

    /// <summary>
    /// The chunks of <paramref name="documentId"/> at positions <paramref name="position"/> − <paramref name="radius"/>
    /// … <paramref name="position"/> + <paramref name="radius"/> that exist, in position order (score 0).
    /// </summary>
    [Alias("GetNeighboursAsync")]
    Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius);
}
