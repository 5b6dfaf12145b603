using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Bases;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Hosting;
using Cluster.Grains.Knowledge.Search;
using Cluster.Grains.Knowledge.Storage;
using Orleans;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>
/// A knowledge base's searchable chunks under its active model: one index in the knowledge base's grain, or, above
/// the shard threshold, shard grains that each hold the documents of one partition.
/// </summary>
internal sealed class SearchSnapshot : IDisposable
{
    private readonly string _knowledgeBaseId;
    private readonly string _model;
    private readonly int _shardCount;
    private readonly LocalIndex? _local;

    private SearchSnapshot(string knowledgeBaseId, string model, EmbeddingSettings embedding, int shardCount, LocalIndex? local)
    {
        _knowledgeBaseId = knowledgeBaseId;
        _model = model;
        Embedding = embedding;
        _shardCount = shardCount;
        _local = local;
    }

    /// <summary>The settings of the embedder whose vectors the snapshot holds (queries must be embedded by it too).</summary>
    public EmbeddingSettings Embedding { get; }

    public static async Task<SearchSnapshot> LoadAsync(string knowledgeBaseId, string model, EmbeddingSettings embedding, IKnowledgeStore store,
        EmbedderCatalog embedders, KnowledgeOptions options, CancellationToken cancellationToken)
    {
        var count = await store.CountChunksAsync(knowledgeBaseId, model, cancellationToken);
        if (count > options.ShardThreshold)
        {
            var shards = (int)((count + options.ShardThreshold - 1) / options.ShardThreshold);
            return new SearchSnapshot(knowledgeBaseId, model, embedding, shards, null);
        }
        var local = await LocalIndex.LoadAsync(store, knowledgeBaseId, model, null, KnownDimensions(embedders, embedding), cancellationToken);
        return new SearchSnapshot(knowledgeBaseId, model, embedding, 0, local);
    }

    /// <summary>The embedder's vector length when it is known before its first call (local models), else 0.</summary>
    internal static int KnownDimensions(EmbedderCatalog embedders, EmbeddingSettings embedding) =>
        embedders.Get(EmbeddingChoice.ToEmbedderSettings(embedding)).Dimensions;

    public async Task<IReadOnlyList<KnowledgeSearchHit>> SearchAsync(IGrainFactory grains, KnowledgeSearchRequest request, float[]? query,
        HybridSearchSettings settings)
    {
        if (_local is { } local)
            return local.Search(request, query, settings);
        var perMode = CandidateMerger.CandidatesPerMode(request, settings);
        var shardRequest = new ShardSearchRequest(request.Query, query, request.Mode, perMode, request.Filter);
        var calls = new Task<ShardCandidates>[_shardCount];
        for (var i = 0; i < calls.Length; i++)
            calls[i] = Shard(grains, i).FindCandidatesAsync(shardRequest);
        return CandidateMerger.Merge(await Task.WhenAll(calls), request, settings);
    }

    public Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(IGrainFactory grains, string documentId, int position, int radius) =>
        _local is { } local
            ? Task.FromResult(local.GetNeighbours(documentId, position, radius))
            : Shard(grains, ShardPartition.Of(documentId, _shardCount)).GetNeighboursAsync(documentId, position, radius);

    /// <summary>Takes the document's current chunks from storage (none: drops it).</summary>
    public async Task RefreshAsync(IGrainFactory grains, IKnowledgeStore store, string documentId)
    {
        if (_local is { } local)
            await local.RefreshAsync(store, _knowledgeBaseId, _model, documentId);
        else
            await Shard(grains, ShardPartition.Of(documentId, _shardCount)).RefreshDocumentAsync(documentId);
    }

    public void Dispose() => _local?.Dispose();

    private IKnowledgeShardGrain Shard(IGrainFactory grains, int index) =>
        grains.GetGrain<IKnowledgeShardGrain>(KnowledgeShardGrain.Key(_knowledgeBaseId, index, _shardCount, _model));
}
