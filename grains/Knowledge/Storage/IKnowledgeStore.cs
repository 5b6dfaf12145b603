using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>
/// Where knowledge bases, documents and chunks are kept. Every write is acknowledged only once stored; each method
/// changes all it names or nothing.
/// </summary>
public interface IKnowledgeStore
{
    /// <returns>false when a knowledge base with the id exists (nothing changed).</returns>
    Task<bool> CreateKnowledgeBaseAsync(KnowledgeBaseRecord knowledgeBase, CancellationToken cancellationToken);

    Task<KnowledgeBaseRecord?> GetKnowledgeBaseAsync(string id, CancellationToken cancellationToken);

    /// <summary>The tenant's knowledge bases by id (creation order: ids are time-ordered).</summary>
    Task<IReadOnlyList<KnowledgeBaseRecord>> ListKnowledgeBasesAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the stored knowledge base's settings, target model and update time (not its version or active model).</summary>
    Task UpdateKnowledgeBaseAsync(KnowledgeBaseRecord knowledgeBase, CancellationToken cancellationToken);

    /// <summary>Moves the knowledge base's version on by one and returns the new version.</summary>
    Task<long> IncrementVersionAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="targetModel"/> the active model and moves the version on, if it is still the target and
    /// every completed document has chunks under it; returns whether it switched.
    /// </summary>
    Task<bool> SwitchModelAsync(string id, string targetModel, CancellationToken cancellationToken);

    /// <summary>Deletes the knowledge base with its documents and chunks.</summary>
    /// <returns>The bytes its documents were charged, to release from the tenant's quota.</returns>
    Task<long> DeleteKnowledgeBaseAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores all documents as pending, or none when one's content is already in its knowledge base.</summary>
    /// <returns>null when stored; else the index of the first duplicate and the id of the document already holding its content.</returns>
    Task<(int Index, string ExistingId)?> AddDocumentsAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken);

    /// <summary>The id of the document of <paramref name="knowledgeBaseId"/> with this content hash, if any.</summary>
    Task<string?> FindByContentAsync(string knowledgeBaseId, string contentHash, CancellationToken cancellationToken);

    Task<DocumentRecord?> GetDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> documents with ids after <paramref name="after"/>, by id.</summary>
    Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(string knowledgeBaseId, DocumentStatus? status, string? after, int limit,
        CancellationToken cancellationToken);

    /// <summary>Deletes the document and its chunks; returns what was deleted, or null when there was none.</summary>
    Task<DocumentRecord?> DeleteDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the document processing under a claim that lasts <paramref name="lease"/>, when it is pending or its
    /// previous claim expired, and counts the attempt; returns null when another worker holds it or it is finished.
    /// </summary>
    Task<ClaimedDocument?> ClaimDocumentAsync(string knowledgeBaseId, string documentId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the document's chunks with <paramref name="chunksByModel"/> and marks it completed, in one
    /// transaction, when the document is still processing and the chunks cover the knowledge base's active model (and
    /// the model a re-embedding is filling in); otherwise changes nothing and says why.
    /// </summary>
    Task<CompletionOutcome> CompleteDocumentAsync(string knowledgeBaseId, string documentId,
        IReadOnlyDictionary<string, IReadOnlyList<ChunkRecord>> chunksByModel, CancellationToken cancellationToken);

    /// <summary>Puts a processing document back to pending after a transient failure, keeping its error for the record.</summary>
    Task ReleaseDocumentAsync(string documentId, string error, CancellationToken cancellationToken);

    /// <summary>Marks a processing document failed with <paramref name="error"/>.</summary>
    Task FailDocumentAsync(string documentId, string error, CancellationToken cancellationToken);

    /// <summary>Sets a finished document back to pending with no attempts or error; returns it, or null when it is not finished or gone.</summary>
    Task<DocumentRecord?> ResetDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Documents pending since before <paramref name="pendingBefore"/>, or processing under a claim that has expired
    /// by <paramref name="now"/>: work a stopped silo left behind.
    /// </summary>
    Task<IReadOnlyList<UnfinishedDocument>> FindUnfinishedAsync(DateTimeOffset pendingBefore, DateTimeOffset now, int limit,
        CancellationToken cancellationToken);

    /// <summary>
    /// Every enabled chunk, under <paramref name="modelId"/>, of the knowledge base's completed documents (those of
    /// <paramref name="partition"/> only, when given).
    /// </summary>
    IAsyncEnumerable<IndexedChunk> ReadChunksAsync(string knowledgeBaseId, string modelId, ShardPartition? partition, CancellationToken cancellationToken);

    /// <summary>How many enabled chunks <see cref="ReadChunksAsync"/> would read without a partition.</summary>
    Task<long> CountChunksAsync(string knowledgeBaseId, string modelId, CancellationToken cancellationToken);

    /// <summary>The enabled chunks of one completed document under <paramref name="modelId"/> (none when it is not completed).</summary>
    Task<IReadOnlyList<IndexedChunk>> GetDocumentChunksAsync(string knowledgeBaseId, string documentId, string modelId,
        CancellationToken cancellationToken);

    /// <summary>Ids of the knowledge base's completed documents with no chunks under <paramref name="modelId"/> yet.</summary>
    Task<IReadOnlyList<string>> FindDocumentsWithoutModelAsync(string knowledgeBaseId, string modelId, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a completed document's chunks under another model, beside its current ones.</summary>
    Task AddModelChunksAsync(string knowledgeBaseId, string documentId, string modelId, IReadOnlyList<ChunkRecord> chunks,
        CancellationToken cancellationToken);

    /// <summary>The chunks of a document under <paramref name="modelId"/>, to embed again under another model.</summary>
    Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(string documentId, string modelId, CancellationToken cancellationToken);

    /// <summary>Deletes the knowledge base's chunks of every model but <paramref name="keepModelId"/>.</summary>
    Task DeleteOtherModelsAsync(string knowledgeBaseId, string keepModelId, CancellationToken cancellationToken);
}
