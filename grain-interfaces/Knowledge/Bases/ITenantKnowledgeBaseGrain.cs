using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// The tenant-scoped face of a knowledge base's grain (the same activation as <see cref="IKnowledgeBaseGrain"/>):
/// every call names the caller's tenant, and a knowledge base of another tenant answers
/// <see cref="KnowledgeBaseNotFoundException"/> exactly as a missing one does.
/// </summary>
[Alias("Knowledge.ITenantKnowledgeBaseGrain")]
public interface ITenantKnowledgeBaseGrain : IGrainWithStringKey
{
    /// <summary>Creates the knowledge base with this grain's id; fails with a conflict when it exists.</summary>
    [Alias("CreateAsync")]
    Task<KnowledgeBaseView> CreateAsync(string tenantId, KnowledgeBaseSpec spec);

    [Alias("GetAsync")]
    Task<KnowledgeBaseView> GetAsync(string tenantId);

    /// <summary>Applies the patch; a new embedding model starts re-embedding in the background.</summary>
    [Alias("UpdateAsync")]
    Task<KnowledgeBaseView> UpdateAsync(string tenantId, KnowledgeBasePatch patch);

    /// <summary>Deletes the knowledge base with its documents and chunks and releases their storage from the tenant's quota.</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(string tenantId);

    [Alias("SearchAsync")]
    Task<KnowledgeSearchResponse> SearchAsync(string tenantId, KnowledgeSearchRequest request, CancellationToken cancellation);

    /// <summary>
    /// A document completed, was reprocessed or was deleted: the index takes its current chunks (or drops it) and the
    /// version moves. Called by the ingestion workers; nothing is searched differently until it returns.
    /// </summary>
    [Alias("DocumentChangedAsync")]
    Task<long> DocumentChangedAsync(string documentId);
}
