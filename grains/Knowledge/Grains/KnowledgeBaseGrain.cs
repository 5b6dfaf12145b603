using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains.Knowledge.Bases;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Hosting;
using Cluster.Grains.Knowledge.Search;
using Cluster.Grains.Knowledge.Storage;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>
/// One knowledge base: its settings (stored), and the search-index snapshot of its completed documents, built from
/// storage on first use and brought up to date when a document completes or is deleted (the version moves). Above
/// <see cref="KnowledgeOptions.ShardThreshold"/> chunks the snapshot is split across <see cref="KnowledgeShardGrain"/>s,
/// searched in parallel and merged. Searches interleave with each other and with index updates (the index takes its
/// own read and write locks); settings changes run one at a time.
/// </summary>
[GrainType("knowledge-base")]
[MayInterleave(nameof(IsRead))]
public sealed partial class KnowledgeBaseGrain(
    IKnowledgeStore store,
    EmbedderCatalog embedders,
    KnowledgeOptions options,
    TimeProvider time,
    ILogger<KnowledgeBaseGrain> logger) : Grain, IKnowledgeBaseGrain, ITenantKnowledgeBaseGrain
{
    private const int ReembeddingBatch = 16;

    private KnowledgeBaseRecord? _record;
    private Task<SearchSnapshot>? _snapshot;
    private Task? _reembedding;

    private string Id => this.GetPrimaryKeyString();

    public static bool IsRead(IInvokable request) =>
        request.GetMethodName() is nameof(SearchAsync) or nameof(GetNeighboursAsync) or nameof(GetVersionAsync) or nameof(GetAsync);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = await store.GetKnowledgeBaseAsync(Id, cancellationToken);
        if (_record?.TargetModel is not null)
            StartReembedding();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_snapshot is { IsCompletedSuccessfully: true } built)
            (await built).Dispose();
    }

    public async Task<KnowledgeBaseView> CreateAsync(string tenantId, KnowledgeBaseSpec spec)
    {
        var valid = spec.Validate();
        if (_record is not null)
            throw new ConflictException($"The knowledge base '{Id}' exists already.");
        var embedding = EmbeddingChoice.ToEmbedderSettings(EmbeddingChoice.Validate(valid.Embedding!, "embedding"));
        var model = embedders.Get(embedding).ModelId;
        var now = time.GetUtcNow();
        var record = new KnowledgeBaseRecord(Id, tenantId, valid.Name!, valid.Description, valid.Chunking!, valid.Embedding!, valid.Weights!,
            model, valid.Embedding!, null, 0, now, now);
        if (!await store.CreateKnowledgeBaseAsync(record, CancellationToken.None))
            throw new ConflictException($"The knowledge base '{Id}' exists already.");
        _record = record;
        return record.ToView();
    }

    public Task<KnowledgeBaseView> GetAsync(string tenantId) => Task.FromResult(Owned(tenantId).ToView());

    public async Task<KnowledgeBaseView> UpdateAsync(string tenantId, KnowledgeBasePatch patch)
    {
        var current = Owned(tenantId);
        patch.Validate();
        var updated = current with
        {
            Name = patch.Name ?? current.Name,
            Description = patch.Description ?? current.Description,
            Chunking = patch.Chunking ?? current.Chunking,
            Weights = patch.Weights ?? current.Weights,
            UpdatedAt = time.GetUtcNow(),
        };
        if (patch.Embedding is { } embedding)
        {
            var model = embedders.Get(EmbeddingChoice.ToEmbedderSettings(EmbeddingChoice.Validate(embedding, "embedding"))).ModelId;
            // Back to the active model cancels a re-embedding; any other model starts (or retargets) one.
            updated = updated with { Embedding = embedding, TargetModel = model == current.ActiveModel ? null : model };
        }
        await store.UpdateKnowledgeBaseAsync(updated, CancellationToken.None);
        _record = updated;
        if (updated.TargetModel is not null)
            StartReembedding();
        return updated.ToView();
    }

    public async Task DeleteAsync(string tenantId)
    {
        Owned(tenantId);
        var bytes = await store.DeleteKnowledgeBaseAsync(Id, CancellationToken.None);
        _record = null;
        await GrainFactory.GetGrain<ITenantGrain>(tenantId).ReleaseStorageAsync(bytes);
        DeactivateOnIdle();
    }

    public Task<KnowledgeSearchResponse> SearchAsync(string tenantId, KnowledgeSearchRequest request, CancellationToken cancellation)
    {
        Owned(tenantId);
        return SearchAsync(request, cancellation);
    }

    public async Task<KnowledgeSearchResponse> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellation)
    {
        KnowledgeSearchLimits.Validate(request);
        var record = Existing();
        var snapshot = await Snapshot();
        float[]? query = null;
        if (request.Mode != SearchMode.Keyword)
            query = await embedders.Get(EmbeddingChoice.ToEmbedderSettings(snapshot.Embedding)).EmbedQueryAsync(request.Query, cancellation);
        var settings = new HybridSearchSettings(record.Weights.Keyword, record.Weights.Vector);
        var hits = await snapshot.SearchAsync(GrainFactory, request, query, settings);
        return new KnowledgeSearchResponse(hits, record.Version);
    }

    public Task<long> GetVersionAsync() => Task.FromResult(Existing().Version);

    public async Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius)
    {
        Existing();
        return await (await Snapshot()).GetNeighboursAsync(GrainFactory, documentId, position, radius);
    }

    public async Task<long> DocumentChangedAsync(string documentId)
    {
        var record = Existing();
        if (_snapshot is not null)
            await (await Snapshot()).RefreshAsync(GrainFactory, store, documentId);
        var version = await store.IncrementVersionAsync(Id, CancellationToken.None);
        _record = record with { Version = version };
        return version;
    }

    private KnowledgeBaseRecord Existing() => _record ?? throw new KnowledgeBaseNotFoundException(Id);

    /// <summary>Another tenant's knowledge base answers exactly as a missing one, so ids cannot be probed.</summary>
    private KnowledgeBaseRecord Owned(string tenantId) =>
        _record is { } record && string.Equals(record.TenantId, tenantId, StringComparison.Ordinal)
            ? record
            : throw new KnowledgeBaseNotFoundException(Id);

    private Task<SearchSnapshot> Snapshot()
    {
        var record = Existing();
        if (_snapshot is { IsFaulted: true } or { IsCanceled: true })
            _snapshot = null;
        return _snapshot ??= SearchSnapshot.LoadAsync(Id, record.ActiveModel, record.ActiveEmbedding, store, embedders, options, CancellationToken.None);
    }

    private void StartReembedding()
    {
        if (_reembedding is { IsCompleted: false })
            return;
        // Runs on the grain's scheduler between calls; it ends when the target model serves or is no longer wanted.
        _reembedding = ReembedAsync();
    }

    private async Task ReembedAsync()
    {
        try
        {
            while (_record is { TargetModel: { } target } record)
            {
                var pending = await store.FindDocumentsWithoutModelAsync(Id, target, ReembeddingBatch, CancellationToken.None);
                if (pending.Count == 0)
                {
                    if (await store.SwitchModelAsync(Id, target, CancellationToken.None))
                    {
                        await SwitchToAsync(target);
                        return;
                    }
                    // A document completed between the look and the switch; give its worker a moment to finish.
                    await Task.Delay(TimeSpan.FromMilliseconds(100));
                    continue;
                }
                var embedder = embedders.Get(EmbeddingChoice.ToEmbedderSettings(record.Embedding));
                if (embedder.ModelId != target)
                    return;
                foreach (var documentId in pending)
                {
                    var chunks = await store.GetChunksAsync(documentId, record.ActiveModel, CancellationToken.None);
                    var texts = new string[chunks.Count];
                    for (var i = 0; i < texts.Length; i++)
                        texts[i] = chunks[i].Text;
                    var vectors = await embedder.EmbedDocumentsAsync(texts, CancellationToken.None);
                    var embedded = new ChunkRecord[chunks.Count];
                    for (var i = 0; i < embedded.Length; i++)
                        embedded[i] = chunks[i] with { Embedding = vectors[i] };
                    await store.AddModelChunksAsync(Id, documentId, target, embedded, CancellationToken.None);
                }
            }
        }
        catch (Exception e)
        {
            // The target stays recorded: the next activation (or settings change) resumes where this stopped.
            LogReembeddingFailed(e, Id);
        }
    }

    private async Task SwitchToAsync(string model)
    {
        var previous = _snapshot;
        _record = await store.GetKnowledgeBaseAsync(Id, CancellationToken.None);
        _snapshot = null;
        if (previous is { IsCompletedSuccessfully: true })
            (await previous).Dispose();
        await store.DeleteOtherModelsAsync(Id, model, CancellationToken.None);
        LogSwitched(Id, model);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-embedding knowledge base {KnowledgeBaseId} stopped; it resumes at its next activation")]
    private partial void LogReembeddingFailed(Exception error, string knowledgeBaseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base {KnowledgeBaseId} now searches with {Model}")]
    private partial void LogSwitched(string knowledgeBaseId, string model);
}
