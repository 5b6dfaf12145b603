using Cluster.GrainInterfaces.Knowledge;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains.Knowledge.Hosting;
using Cluster.Grains.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Storage;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>
/// A knowledge base's documents for the caller's tenant, on any silo. Submitting validates and parses every
/// document (refusing the request on the first bad one), reserves their bytes on the tenant's grain (which
/// serialises reservations, so concurrent uploads never exceed the quota), stores them pending in one transaction,
/// and only then answers; whatever fails after the reservation gives it back.
/// </summary>
[StatelessWorker]
[GrainType("knowledge-documents")]
public sealed class KnowledgeDocumentsGrain(IKnowledgeStore store, KnowledgeOptions options) : Grain, IKnowledgeDocumentsGrain
{
    public const int MaxPageSize = 1000;

    private string KnowledgeBaseId => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<DocumentView>> SubmitAsync(string tenantId, IReadOnlyList<DocumentUpload> uploads)
    {
        await RequireOwnedAsync(tenantId);
        if (uploads.Count == 0 || uploads.Count > options.MaxBatchDocuments)
            throw new KnowledgeValidationException("documents", $"must hold 1 to {options.MaxBatchDocuments} documents, not {uploads.Count}.");
        var single = uploads.Count == 1;
        var documents = new NewDocument[uploads.Count];
        long bytes = 0;
        for (var i = 0; i < documents.Length; i++)
        {
            var field = single ? string.Empty : $"documents[{i}]";
            documents[i] = Prepare(uploads[i], field);
            bytes += documents[i].Bytes;
            for (var j = 0; j < i; j++)
            {
                if (documents[j].ContentHash == documents[i].ContentHash)
                    throw new KnowledgeValidationException(field, $"has the same content as documents[{j}]; send each document once.");
            }
        }
        // A lone duplicate is refused before anything is reserved; in a batch the transaction below finds it.
        if (single && await store.FindByContentAsync(KnowledgeBaseId, documents[0].ContentHash, CancellationToken.None) is { } existing)
            throw new DuplicateDocumentException(existing, "document");

        var tenant = GrainFactory.GetGrain<ITenantGrain>(tenantId);
        await tenant.ReserveStorageAsync(bytes);
        try
        {
            if (await store.AddDocumentsAsync(documents, CancellationToken.None) is { } duplicate)
                throw new DuplicateDocumentException(duplicate.ExistingId, single ? "document" : $"documents[{duplicate.Index}]");
        }
        catch
        {
            await tenant.ReleaseStorageAsync(bytes);
            throw;
        }

        var worker = GrainFactory.GetGrain<IDocumentIngestionGrain>(KnowledgeBaseId);
        var views = new DocumentView[documents.Length];
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < documents.Length; i++)
        {
            var d = documents[i];
            // One-way: the document is stored, so a lost message only delays it until the recovery scan offers it again.
            await worker.ProcessAsync(d.Id);
            views[i] = new DocumentView(d.Id, d.ExternalId, d.Title, DocumentStatus.Pending, null, 0, d.Bytes, d.Metadata, now, now);
        }
        return views;
    }

    public async Task<DocumentView> GetAsync(string tenantId, string documentId)
    {
        await RequireOwnedAsync(tenantId);
        var document = await store.GetDocumentAsync(KnowledgeBaseId, documentId, CancellationToken.None)
            ?? throw new DocumentNotFoundException(documentId);
        return document.ToView();
    }

    public async Task<DocumentPage> ListAsync(string tenantId, DocumentStatus? status, string? after, int limit)
    {
        await RequireOwnedAsync(tenantId);
        if (limit is < 1 or > MaxPageSize)
            throw new KnowledgeValidationException("limit", $"must be from 1 to {MaxPageSize}, not {limit}.");
        var documents = await store.ListDocumentsAsync(KnowledgeBaseId, status, after, limit, CancellationToken.None);
        var views = new DocumentView[documents.Count];
        for (var i = 0; i < views.Length; i++)
            views[i] = documents[i].ToView();
        return new DocumentPage(views, views.Length == limit ? views[^1].Id : null);
    }

    public async Task DeleteAsync(string tenantId, string documentId)
    {
        await RequireOwnedAsync(tenantId);
        var deleted = await store.DeleteDocumentAsync(KnowledgeBaseId, documentId, CancellationToken.None)
            ?? throw new DocumentNotFoundException(documentId);
        await GrainFactory.GetGrain<ITenantGrain>(tenantId).ReleaseStorageAsync(deleted.Bytes);
        await GrainFactory.GetGrain<ITenantKnowledgeBaseGrain>(KnowledgeBaseId).DocumentChangedAsync(documentId);
    }

    public async Task<DocumentView> ReprocessAsync(string tenantId, string documentId)
    {
        await RequireOwnedAsync(tenantId);
        if (await store.ResetDocumentAsync(KnowledgeBaseId, documentId, CancellationToken.None) is not { } reset)
        {
            // Still pending or processing: its worker already reads the current settings.
            var unfinished = await store.GetDocumentAsync(KnowledgeBaseId, documentId, CancellationToken.None)
                ?? throw new DocumentNotFoundException(documentId);
            return unfinished.ToView();
        }
        // Its current chunks stay searchable until the new ones replace them.
        await GrainFactory.GetGrain<IDocumentIngestionGrain>(KnowledgeBaseId).ProcessAsync(documentId);
        return reset.ToView();
    }

    private Task RequireOwnedAsync(string tenantId) => GrainFactory.GetGrain<ITenantKnowledgeBaseGrain>(KnowledgeBaseId).GetAsync(tenantId);

    private NewDocument Prepare(DocumentUpload upload, string field)
    {
        upload.Validate(field, options.MaxDocumentBytes);
        var parsed = upload.Content is { } content
            ? DocumentParser.Parse(content, upload.FileName, upload.ContentType, upload.Title)
            : DocumentParser.ParseText(upload.Title, upload.Text!);
        var keep = upload.Content is { } original && original.LongLength <= options.KeepOriginalBytes ? original : null;
        return new NewDocument(Guid.CreateVersion7().ToString("N"), KnowledgeBaseId, upload.ExternalId, parsed.Title, parsed.ContentHash,
            upload.Bytes, upload.FileName, upload.ContentType, parsed.Format, keep, parsed.Sections,
            upload.Metadata ?? new Dictionary<string, string>());
    }
}
