using Orleans;

namespace Cluster.GrainInterfaces.Knowledge;

/// <summary>
/// The documents of one knowledge base (keyed by its id), for the caller's tenant: submitting validates, parses and
/// stores a document <see cref="DocumentStatus.Pending"/>, charged to the tenant's quota, and hands it to the
/// ingestion workers; it answers before the document is searchable.
/// </summary>
[Alias("Knowledge.IKnowledgeDocumentsGrain")]
public interface IKnowledgeDocumentsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores all of <paramref name="uploads"/> or none: any invalid, unparsable or duplicate document, or a quota
    /// they would exceed together, refuses the whole request.
    /// </summary>
    [Alias("SubmitAsync")]
    Task<IReadOnlyList<DocumentView>> SubmitAsync(string tenantId, IReadOnlyList<DocumentUpload> uploads);

    [Alias("GetAsync")]
    Task<DocumentView> GetAsync(string tenantId, string documentId);

    /// <summary>Up to <paramref name="limit"/> documents after the cursor <paramref name="after"/>, with <paramref name="status"/> when given.</summary>
    [Alias("ListAsync")]
    Task<DocumentPage> ListAsync(string tenantId, DocumentStatus? status, string? after, int limit);

    /// <summary>Removes the document and its chunks from storage and search, and releases its bytes from the quota.</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(string tenantId, string documentId);

    /// <summary>
    /// Chunks and embeds a completed or failed document again with the knowledge base's current settings; one still
    /// being ingested is left to its worker. Returns the document as it now stands.
    /// </summary>
    [Alias("ReprocessAsync")]
    Task<DocumentView> ReprocessAsync(string tenantId, string documentId);
}
