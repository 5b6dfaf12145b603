using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Cluster.Grains.Knowledge.Storage;

namespace Cluster.Grains.Knowledge.Grains;

/// <summary>
/// One in-process index of stored chunks. Its vector length is that of the stored vectors, or the embedder's when
/// none is stored yet; an endpoint embedder's length is learnt from the first document, so until then there is no
/// index and searches find nothing.
/// </summary>
internal sealed class LocalIndex : IDisposable
{
    private KnowledgeIndex? _index;
    private int _dimensions;

    private LocalIndex(KnowledgeIndex? index, int dimensions)
    {
        _index = index;
        _dimensions = dimensions;
    }

    public static async Task<LocalIndex> LoadAsync(IKnowledgeStore store, string knowledgeBaseId, string model, ShardPartition? partition,
        int knownDimensions, CancellationToken cancellationToken)
    {
        var chunks = new List<IndexedChunk>();
        await foreach (var chunk in store.ReadChunksAsync(knowledgeBaseId, model, partition, cancellationToken))
            chunks.Add(chunk);
        var dimensions = chunks.Count > 0 ? chunks[0].Vector.Length : knownDimensions;
        return new LocalIndex(dimensions > 0 ? KnowledgeIndex.Build(new SearchIndexOptions(dimensions), chunks) : null, dimensions);
    }

    public IReadOnlyList<KnowledgeSearchHit> Search(KnowledgeSearchRequest request, float[]? query, HybridSearchSettings settings) =>
        _index?.Search(request, query, settings) ?? [];

    public ShardCandidates FindCandidates(ShardSearchRequest request) => _index?.FindCandidates(request) ?? new ShardCandidates([], []);

    public IReadOnlyList<KnowledgeSearchHit> GetNeighbours(string documentId, int position, int radius) =>
        _index?.GetNeighbours(documentId, position, radius) ?? [];

    public async Task RefreshAsync(IKnowledgeStore store, string knowledgeBaseId, string model, string documentId)
    {
        var chunks = await store.GetDocumentChunksAsync(knowledgeBaseId, documentId, model, CancellationToken.None);
        if (chunks.Count == 0)
        {
            _index?.Remove(documentId);
            return;
        }
        if (_index is null)
        {
            _dimensions = chunks[0].Vector.Length;
            _index = new KnowledgeIndex(new SearchIndexOptions(_dimensions));
        }
        _index.Upsert(documentId, chunks);
    }

    public void Dispose() => _index?.Dispose();
}
