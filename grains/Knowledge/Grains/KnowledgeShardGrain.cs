using System.Globalization;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Storage;
using Orleans;
using Orleans.Concurrency;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>
/// One partition of a large knowledge base's index, built from storage on activation. Searches interleave (the
/// index takes its own locks); a refresh replaces one document's chunks.
/// </summary>
[GrainType("knowledge-shard")]
[Reentrant]
public sealed class KnowledgeShardGrain(IKnowledgeStore store, EmbedderCatalog embedders) : Grain, IKnowledgeShardGrain
{
    private string _knowledgeBaseId = string.Empty;
    private string _model = string.Empty;
    private LocalIndex? _index;

    public static string Key(string knowledgeBaseId, int shard, int shardCount, string model) =>
        string.Create(CultureInfo.InvariantCulture, $"{knowledgeBaseId}/{shard}/{shardCount}/{model}");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/', 4);
        _knowledgeBaseId = parts[0];
        _model = parts[3];
        var partition = new ShardPartition(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        var record = await store.GetKnowledgeBaseAsync(_knowledgeBaseId, cancellationToken) ?? throw new KnowledgeBaseNotFoundException(_knowledgeBaseId);
        var dimensions = record.ActiveModel == _model ? SearchSnapshot.KnownDimensions(embedders, record.ActiveEmbedding) : 0;
        _index = await LocalIndex.LoadAsync(store, _knowledgeBaseId, _model, partition, dimensions, cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _index?.Dispose();
        return Task.CompletedTask;
    }

    public Task<ShardCandidates> FindCandidatesAsync(ShardSearchRequest request) => Task.FromResult(_index!.FindCandidates(request));

    public Task RefreshDocumentAsync(string documentId) => _index!.RefreshAsync(store, _knowledgeBaseId, _model, documentId);

    public Task<IReadOnlyList<KnowledgeSearchHit>> GetNeighboursAsync(string documentId, int position, int radius) =>
        Task.FromResult(_index!.GetNeighbours(documentId, position, radius));
}
