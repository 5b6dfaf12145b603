using Cluster.Grains.Knowledge.Ingestion;
using System.Runtime.CompilerServices;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;

namespace Cluster.Grains.Knowledge.Storage;

/// <summary>
/// Knowledge bases, documents and chunks in this process's memory, for the embedded default and unit tests: the same
/// rules as <see cref="PostgresKnowledgeStore"/>, each method atomic under one lock, nothing kept across restarts.
/// </summary>
public sealed class MemoryKnowledgeStore(TimeProvider time) : IKnowledgeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KnowledgeBaseRecord> _bases = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, StoredDocument> _documents = new(StringComparer.Ordinal);

    public Task<bool> CreateKnowledgeBaseAsync(KnowledgeBaseRecord knowledgeBase, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_bases.TryAdd(knowledgeBase.Id, knowledgeBase));
    }

    public Task<KnowledgeBaseRecord?> GetKnowledgeBaseAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_bases.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<KnowledgeBaseRecord>> ListKnowledgeBasesAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<KnowledgeBaseRecord>();
            foreach (var kb in _bases.Values)
            {
                if (kb.TenantId == tenantId)
                    list.Add(kb);
            }
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return Task.FromResult<IReadOnlyList<KnowledgeBaseRecord>>(list);
        }
    }

    public Task UpdateKnowledgeBaseAsync(KnowledgeBaseRecord knowledgeBase, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_bases.TryGetValue(knowledgeBase.Id, out var stored))
                _bases[knowledgeBase.Id] = knowledgeBase with { ActiveModel = stored.ActiveModel, ActiveEmbedding = stored.ActiveEmbedding, Version = stored.Version, CreatedAt = stored.CreatedAt };
        }
        return Task.CompletedTask;
    }

    public Task<long> IncrementVersionAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var kb = _bases.GetValueOrDefault(id) ?? throw new KnowledgeBaseNotFoundException(id);
            _bases[id] = kb with { Version = kb.Version + 1 };
            return Task.FromResult(kb.Version + 1);
        }
    }

    public Task<bool> SwitchModelAsync(string id, string targetModel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_bases.TryGetValue(id, out var kb) || kb.TargetModel != targetModel)
                return Task.FromResult(false);
            foreach (var d in _documents.Values)
            {
                if (d.Record.KnowledgeBaseId == id && d.Record.Status == DocumentStatus.Completed && !d.Chunks.ContainsKey(targetModel))
                    return Task.FromResult(false);
            }
            _bases[id] = kb with { ActiveModel = targetModel, ActiveEmbedding = kb.Embedding, TargetModel = null, Version = kb.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<long> DeleteKnowledgeBaseAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            long bytes = 0;
            foreach (var d in DocumentsOf(id))
            {
                bytes += d.Record.Bytes;
                _documents.Remove(d.Record.Id);
            }
            _bases.Remove(id);
            return Task.FromResult(bytes);
        }
    }

    public Task<(int Index, string ExistingId)?> AddDocumentsAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                if (FindByContent(documents[i].KnowledgeBaseId, documents[i].ContentHash) is { } existing)
                    return Task.FromResult<(int, string)?>((i, existing));
                for (var j = 0; j < i; j++)
                {
                    if (documents[j].KnowledgeBaseId == documents[i].KnowledgeBaseId && documents[j].ContentHash == documents[i].ContentHash)
                        return Task.FromResult<(int, string)?>((i, documents[j].Id));
                }
            }
            var now = time.GetUtcNow();
            foreach (var d in documents)
            {
                var record = new DocumentRecord(d.Id, d.KnowledgeBaseId, d.ExternalId, d.Title, DocumentStatus.Pending, null, d.ContentHash,
                    d.Bytes, d.Metadata, 0, 0, now, now);
                _documents[d.Id] = new StoredDocument(record, d.Format, d.Sections);
            }
            return Task.FromResult<(int, string)?>(null);
        }
    }

    public Task<string?> FindByContentAsync(string knowledgeBaseId, string contentHash, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(FindByContent(knowledgeBaseId, contentHash));
    }

    public Task<DocumentRecord?> GetDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(Find(knowledgeBaseId, documentId)?.Record);
    }

    public Task<IReadOnlyList<DocumentRecord>> ListDocumentsAsync(string knowledgeBaseId, DocumentStatus? status, string? after, int limit,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<DocumentRecord>();
            foreach (var d in _documents.Values)
            {
                if (list.Count == limit)
                    break;
                var r = d.Record;
                if (r.KnowledgeBaseId == knowledgeBaseId && (status is null || r.Status == status) && (after is null || string.CompareOrdinal(r.Id, after) > 0))
                    list.Add(r);
            }
            return Task.FromResult<IReadOnlyList<DocumentRecord>>(list);
        }
    }

    public Task<DocumentRecord?> DeleteDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var d = Find(knowledgeBaseId, documentId);
            if (d is not null)
                _documents.Remove(documentId);
            return Task.FromResult(d?.Record);
        }
    }

    public Task<ClaimedDocument?> ClaimDocumentAsync(string knowledgeBaseId, string documentId, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var d = Find(knowledgeBaseId, documentId);
            if (d is null || !(d.Record.Status == DocumentStatus.Pending || (d.Record.Status == DocumentStatus.Processing && d.ClaimedUntil < now)))
                return Task.FromResult<ClaimedDocument?>(null);
            d.Record = d.Record with { Status = DocumentStatus.Processing, Attempts = d.Record.Attempts + 1, UpdatedAt = now };
            d.ClaimedUntil = now + lease;
            return Task.FromResult<ClaimedDocument?>(new ClaimedDocument(d.Record, d.Format, d.Sections));
        }
    }

    public Task<CompletionOutcome> CompleteDocumentAsync(string knowledgeBaseId, string documentId,
        IReadOnlyDictionary<string, IReadOnlyList<ChunkRecord>> chunksByModel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_bases.TryGetValue(knowledgeBaseId, out var kb))
                return Task.FromResult(CompletionOutcome.Abandoned);
            if (!chunksByModel.ContainsKey(kb.ActiveModel) || (kb.TargetModel is { } target && !chunksByModel.ContainsKey(target)))
                return Task.FromResult(CompletionOutcome.ModelsChanged);
            var d = Find(knowledgeBaseId, documentId);
            if (d is null || d.Record.Status != DocumentStatus.Processing)
                return Task.FromResult(CompletionOutcome.Abandoned);
            d.Chunks.Clear();
            var count = 0;
            foreach (var (model, chunks) in chunksByModel)
            {
                d.Chunks[model] = chunks;
                count = chunks.Count;
            }
            d.Record = d.Record with { Status = DocumentStatus.Completed, Error = null, ChunkCount = count, UpdatedAt = time.GetUtcNow() };
            d.ClaimedUntil = null;
            return Task.FromResult(CompletionOutcome.Completed);
        }
    }

    public Task ReleaseDocumentAsync(string documentId, string error, CancellationToken cancellationToken) =>
        EndClaim(documentId, DocumentStatus.Pending, error);

    public Task FailDocumentAsync(string documentId, string error, CancellationToken cancellationToken) =>
        EndClaim(documentId, DocumentStatus.Failed, error);

    public Task<DocumentRecord?> ResetDocumentAsync(string knowledgeBaseId, string documentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var d = Find(knowledgeBaseId, documentId);
            if (d is null || d.Record.Status is not (DocumentStatus.Completed or DocumentStatus.Failed))
                return Task.FromResult<DocumentRecord?>(null);
            d.Record = d.Record with { Status = DocumentStatus.Pending, Error = null, Attempts = 0, UpdatedAt = time.GetUtcNow() };
            d.ClaimedUntil = null;
            return Task.FromResult<DocumentRecord?>(d.Record);
        }
    }

    public Task<IReadOnlyList<UnfinishedDocument>> FindUnfinishedAsync(DateTimeOffset pendingBefore, DateTimeOffset now, int limit,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<UnfinishedDocument>();
            foreach (var d in _documents.Values)
            {
                if (list.Count == limit)
                    break;
                var r = d.Record;
                if ((r.Status == DocumentStatus.Pending && r.UpdatedAt < pendingBefore) ||
                    (r.Status == DocumentStatus.Processing && (d.ClaimedUntil is null || d.ClaimedUntil < now)))
                    list.Add(new UnfinishedDocument(r.KnowledgeBaseId, r.Id));
            }
            return Task.FromResult<IReadOnlyList<UnfinishedDocument>>(list);
        }
    }

    public async IAsyncEnumerable<IndexedChunk> ReadChunksAsync(string knowledgeBaseId, string modelId, ShardPartition? partition,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<IndexedChunk> all;
        lock (_gate)
        {
            all = [];
            foreach (var d in DocumentsOf(knowledgeBaseId))
            {
                if (partition is not { } p || p.Holds(d.Record.Id))
                    AddIndexed(all, d, modelId);
            }
        }
        foreach (var chunk in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk;
        }
        await Task.CompletedTask;
    }

    public Task<long> CountChunksAsync(string knowledgeBaseId, string modelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<IndexedChunk>();
            foreach (var d in DocumentsOf(knowledgeBaseId))
                AddIndexed(list, d, modelId);
            return Task.FromResult((long)list.Count);
        }
    }

    public Task<IReadOnlyList<IndexedChunk>> GetDocumentChunksAsync(string knowledgeBaseId, string documentId, string modelId,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<IndexedChunk>();
            if (Find(knowledgeBaseId, documentId) is { } d)
                AddIndexed(list, d, modelId);
            return Task.FromResult<IReadOnlyList<IndexedChunk>>(list);
        }
    }

    public Task<IReadOnlyList<string>> FindDocumentsWithoutModelAsync(string knowledgeBaseId, string modelId, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = new List<string>();
            foreach (var d in DocumentsOf(knowledgeBaseId))
            {
                if (list.Count < limit && d.Record.Status == DocumentStatus.Completed && !d.Chunks.ContainsKey(modelId))
                    list.Add(d.Record.Id);
            }
            return Task.FromResult<IReadOnlyList<string>>(list);
        }
    }

    public Task AddModelChunksAsync(string knowledgeBaseId, string documentId, string modelId, IReadOnlyList<ChunkRecord> chunks,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(knowledgeBaseId, documentId) is { Record.Status: DocumentStatus.Completed } d)
                d.Chunks[modelId] = chunks;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(string documentId, string modelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue(documentId, out var d) && d.Chunks.TryGetValue(modelId, out var chunks)
                ? chunks
                : (IReadOnlyList<ChunkRecord>)[]);
        }
    }

    public Task DeleteOtherModelsAsync(string knowledgeBaseId, string keepModelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var d in DocumentsOf(knowledgeBaseId))
            {
                foreach (var model in d.Chunks.Keys.ToArray())
                {
                    if (model != keepModelId)
                        d.Chunks.Remove(model);
                }
            }
        }
        return Task.CompletedTask;
    }

    private Task EndClaim(string documentId, DocumentStatus status, string error)
    {
        lock (_gate)
        {
            if (_documents.TryGetValue(documentId, out var d) && d.Record.Status == DocumentStatus.Processing)
            {
                d.Record = d.Record with { Status = status, Error = error, UpdatedAt = time.GetUtcNow() };
                d.ClaimedUntil = null;
            }
        }
        return Task.CompletedTask;
    }

    private static void AddIndexed(List<IndexedChunk> list, StoredDocument d, string modelId)
    {
        if (d.Record.Status != DocumentStatus.Completed || !d.Chunks.TryGetValue(modelId, out var chunks))
            return;
        foreach (var chunk in chunks)
        {
            if (chunk.Enabled)
                list.Add(new IndexedChunk(ChunkIds.Of(d.Record.Id, chunk.Position), d.Record.Id, d.Record.ExternalId, d.Record.Title, chunk.Text,
                    chunk.HeadingPath, chunk.Position, d.Record.Metadata, chunk.Embedding));
        }
    }

    private List<StoredDocument> DocumentsOf(string knowledgeBaseId)
    {
        var list = new List<StoredDocument>();
        foreach (var d in _documents.Values)
        {
            if (d.Record.KnowledgeBaseId == knowledgeBaseId)
                list.Add(d);
        }
        return list;
    }

    private StoredDocument? Find(string knowledgeBaseId, string documentId) =>
        _documents.TryGetValue(documentId, out var d) && d.Record.KnowledgeBaseId == knowledgeBaseId ? d : null;

    private string? FindByContent(string knowledgeBaseId, string contentHash)
    {
        foreach (var d in _documents.Values)
        {
            if (d.Record.KnowledgeBaseId == knowledgeBaseId && d.Record.ContentHash == contentHash)
                return d.Record.Id;
        }
        return null;
    }

    private sealed class StoredDocument(DocumentRecord record, SourceFormat format, IReadOnlyList<DocumentSection> sections)
    {
        public SourceFormat Format { get; } = format;
        public DocumentRecord Record = record;
        public DateTimeOffset? ClaimedUntil;
        public IReadOnlyList<DocumentSection> Sections { get; } = sections;
        public Dictionary<string, IReadOnlyList<ChunkRecord>> Chunks { get; } = new(StringComparer.Ordinal);
    }
}
