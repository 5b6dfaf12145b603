using System.Numerics.Tensors;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.GrainInterfaces.Knowledge;

namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// The search-index snapshot of one knowledge base (or one shard of it): BM25 keyword search over the chunks' text,
/// exact vector search over a contiguous matrix of unit embeddings (one row per chunk, SIMD dot products, bounded
/// top-k heap), filters on document ids and metadata in both, and hybrid ranking. Removed rows are tombstoned and
/// compacted once they are a quarter of the matrix. Searches may run concurrently; changes take a write lock.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const int MinimumCompaction = 1024;

    private readonly SearchIndexOptions _options;
    private readonly KeywordIndex _keyword;
    private readonly Dictionary<long, Row> _rowByKey = [];
    private readonly Dictionary<string, Row> _rowByChunkId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Row>> _rowsByDocument = new(StringComparer.Ordinal);
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private float[] _matrix;
    private Row?[] _rows;
    private int _rowCount;
    private int _tombstones;
    private long _nextKey;

    /// <summary>An empty index.</summary>
    public KnowledgeIndex(SearchIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _keyword = new KeywordIndex(options.Language, options.TitleBoost);
        _rows = new Row?[64];
        _matrix = new float[_rows.Length * options.Dimensions];
    }

    /// <summary>The options the index was built with.</summary>
    public SearchIndexOptions Options => _options;

    /// <summary>How many chunks are searchable.</summary>
    public int Count => _rowByChunkId.Count;

    /// <summary>How many documents have searchable chunks.</summary>
    public int DocumentCount => _rowsByDocument.Count;

    /// <summary>Builds an index from all of a knowledge base's chunks at once (activation): one keyword refresh at the end.</summary>
    public static KnowledgeIndex Build(SearchIndexOptions options, IEnumerable<IndexedChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var index = new KnowledgeIndex(options);
        if (chunks is ICollection<IndexedChunk> known)
        {
            index.Reserve(known.Count);
        }

        foreach (var chunk in chunks)
        {
            index.Validate(chunk, chunk.DocumentId);
            index.Append(chunk);
        }

        index._keyword.Refresh();
        return index;
    }

    /// <summary>Replaces every chunk of <paramref name="documentId"/> with <paramref name="chunks"/> (none removes the document).</summary>
    public void Upsert(string documentId, IReadOnlyList<IndexedChunk> chunks)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(chunks);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            Validate(chunk, documentId);
            if (!ids.Add(chunk.ChunkId))
            {
                throw new ChunkIndexException(chunk.ChunkId, "appears twice in the document's chunks.");
            }
        }

        _lock.EnterWriteLock();
        try
        {
            foreach (var chunk in chunks)
            {
                if (_rowByChunkId.TryGetValue(chunk.ChunkId, out var existing) && existing.Chunk.DocumentId != documentId)
                {
                    throw new ChunkIndexException(chunk.ChunkId, $"already belongs to document '{existing.Chunk.DocumentId}'.");
                }
            }

            RemoveRows(documentId);
            Reserve(_rowCount + chunks.Count);
            foreach (var chunk in chunks)
            {
                Append(chunk);
            }

            CompactIfSparse();
            _keyword.Refresh();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes every chunk of <paramref name="documentId"/>; false when it had none.</summary>
    public bool Remove(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        _lock.EnterWriteLock();
        try
        {
            if (!RemoveRows(documentId))
            {
                return false;
            }

            CompactIfSparse();
            _keyword.Refresh();
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Searches in <paramref name="request"/>'s mode. <paramref name="queryVector"/> is the query's embedding, needed by
    /// vector and hybrid modes (ignored by keyword mode). Scores: BM25 (keyword), cosine (vector), fused RRF (hybrid).
    /// </summary>
    public IReadOnlyList<KnowledgeSearchHit> Search(KnowledgeSearchRequest request, float[]? queryVector, HybridSearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.TopK, 1, nameof(request.TopK));
        var query = request.Mode == SearchMode.Keyword ? null : NormalizedQuery(queryVector);
        _lock.EnterReadLock();
        try
        {
            switch (request.Mode)
            {
                case SearchMode.Keyword:
                {
                    var keys = new long[request.TopK];
                    var scores = new float[request.TopK];
                    var found = _keyword.Search(request.Query, request.Filter, keys, scores);
                    var hits = new List<KnowledgeSearchHit>(found);
                    for (var i = 0; i < found && (request.Threshold is not { } t || scores[i] >= t); i++)
                    {
                        hits.Add(ToHit(_rowByKey[keys[i]].Chunk, scores[i]));
                    }

                    return hits;
                }

                case SearchMode.Vector:
                {
                    var slots = new int[request.TopK];
                    var scores = new float[request.TopK];
                    var found = VectorSearch(query!, request.Filter, slots, scores);
                    var hits = new List<KnowledgeSearchHit>(found);
                    for (var i = 0; i < found && (request.Threshold is not { } t || scores[i] >= t); i++)
                    {
                        hits.Add(ToHit(_rows[slots[i]]!.Chunk, scores[i]));
                    }

                    return hits;
                }

                default:
                {
                    var perMode = settings.CandidatesFor(request.TopK);
                    var keyword = KeywordInputs(request.Query, request.Filter, perMode);
                    var vector = VectorInputs(query!, request.Filter, perMode);
                    var chosen = HybridRanking.Select(keyword, vector, settings, request.TopK, request.Threshold);
                    var hits = new List<KnowledgeSearchHit>(chosen.Length);
                    foreach (var candidate in chosen)
                    {
                        hits.Add(ToHit(_rows[candidate.Handle]!.Chunk, candidate.Score));
                    }

                    return hits;
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>A shard's contribution to a search of a sharded knowledge base (see <see cref="CandidateMerger"/>).</summary>
    public ShardCandidates FindCandidates(ShardSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.CandidatesPerMode, 1, nameof(request.CandidatesPerMode));
        var query = request.Mode == SearchMode.Keyword ? null : NormalizedQuery(request.QueryVector);
        _lock.EnterReadLock();
        try
        {
            IReadOnlyList<SearchCandidate> keyword = [];
            IReadOnlyList<SearchCandidate> vector = [];
            if (request.Mode != SearchMode.Vector)
            {
                var keys = new long[request.CandidatesPerMode];
                var scores = new float[request.CandidatesPerMode];
                var found = _keyword.Search(request.Query, request.Filter, keys, scores);
                var list = new SearchCandidate[found];
                for (var i = 0; i < found; i++)
                {
                    list[i] = ToCandidate(_rowByKey[keys[i]], scores[i]);
                }

                keyword = list;
            }

            if (request.Mode != SearchMode.Keyword)
            {
                var slots = new int[request.CandidatesPerMode];
                var scores = new float[request.CandidatesPerMode];
                var found = VectorSearch(query!, request.Filter, slots, scores);
                var list = new SearchCandidate[found];
                for (var i = 0; i < found; i++)
                {
                    list[i] = ToCandidate(_rows[slots[i]]!, scores[i]);
                }

                vector = list;
            }

            return new ShardCandidates(keyword, vector);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The chunks of <paramref name="documentId"/> within <paramref name="radius"/> positions of <paramref name="position"/>, in order (score 0).</summary>
    public IReadOnlyList<KnowledgeSearchHit> GetNeighbours(string documentId, int position, int radius)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        _lock.EnterReadLock();
        try
        {
            var hits = new List<KnowledgeSearchHit>();
            if (_rowsByDocument.TryGetValue(documentId, out var rows))
            {
                foreach (var row in rows)
                {
                    if (Math.Abs((long)row.Chunk.Position - position) <= radius)
                    {
                        hits.Add(ToHit(row.Chunk, 0));
                    }
                }
            }

            hits.Sort(static (a, b) => a.Position.CompareTo(b.Position));
            return hits;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _keyword.Dispose();
        _lock.Dispose();
    }

    private static KnowledgeSearchHit ToHit(IndexedChunk chunk, double score) =>
        new(chunk.ChunkId, chunk.DocumentId, chunk.ExternalId, chunk.Title, chunk.Text, score, chunk.HeadingPath, chunk.Position);

    private SearchCandidate ToCandidate(Row row, double score)
    {
        var chunk = row.Chunk;
        return new SearchCandidate(
            chunk.ChunkId, chunk.DocumentId, chunk.ExternalId, chunk.Title, chunk.Text, chunk.HeadingPath, chunk.Position, score,
            RowSpan(row.Slot).ToArray());
    }

    private float[] NormalizedQuery(float[]? queryVector)
    {
        if (queryVector is null)
        {
            throw new ArgumentException("Vector and hybrid searches need the query's embedding.", nameof(queryVector));
        }

        if (queryVector.Length != _options.Dimensions)
        {
            throw new ArgumentException(
                $"The query embedding has {queryVector.Length} dimensions; this index holds {_options.Dimensions}.", nameof(queryVector));
        }

        var copy = (float[])queryVector.Clone();
        UnitVectors.Normalize(copy);
        return copy;
    }

    private FusionInput[] KeywordInputs(string query, SearchFilter? filter, int count)
    {
        var keys = new long[count];
        var scores = new float[count];
        var found = _keyword.Search(query, filter, keys, scores);
        var inputs = new FusionInput[found];
        for (var i = 0; i < found; i++)
        {
            var row = _rowByKey[keys[i]];
            inputs[i] = new FusionInput(row.Chunk.ChunkId, row.Slot, RowMemory(row.Slot));
        }

        return inputs;
    }

    private FusionInput[] VectorInputs(float[] query, SearchFilter? filter, int count)
    {
        var slots = new int[count];
        var scores = new float[count];
        var found = VectorSearch(query, filter, slots, scores);
        var inputs = new FusionInput[found];
        for (var i = 0; i < found; i++)
        {
            inputs[i] = new FusionInput(_rows[slots[i]]!.Chunk.ChunkId, slots[i], RowMemory(slots[i]));
        }

        return inputs;
    }

    private int VectorSearch(float[] query, SearchFilter? filter, Span<int> slots, Span<float> scores)
    {
        var top = new TopK(slots.Length);
        if (IsEmpty(filter))
        {
            for (var slot = 0; slot < _rowCount; slot++)
            {
                if (_rows[slot] is not null)
                {
                    top.Add(slot, TensorPrimitives.Dot(RowSpan(slot), query));
                }
            }
        }
        else if (filter!.DocumentIds is { Count: > 0 } ids)
        {
            var seen = ids.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            foreach (var id in ids)
            {
                if ((seen is null || seen.Add(id)) && _rowsByDocument.TryGetValue(id, out var rows))
                {
                    ScoreDocument(rows, filter.Metadata, query, top);
                }
            }
        }
        else
        {
            foreach (var rows in _rowsByDocument.Values)
            {
                ScoreDocument(rows, filter.Metadata, query, top);
            }
        }

        return top.Drain(slots, scores);
    }

    private void ScoreDocument(List<Row> rows, IReadOnlyDictionary<string, string>? metadata, float[] query, TopK top)
    {
        if (!Matches(rows[0].Chunk.Metadata, metadata))
        {
            return;
        }

        foreach (var row in rows)
        {
            top.Add(row.Slot, TensorPrimitives.Dot(RowSpan(row.Slot), query));
        }
    }

    private static bool Matches(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string>? wanted)
    {
        if (wanted is null)
        {
            return true;
        }

        foreach (var pair in wanted)
        {
            if (!metadata.TryGetValue(pair.Key, out var value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEmpty(SearchFilter? filter) =>
        filter is null || ((filter.DocumentIds is null || filter.DocumentIds.Count == 0) && (filter.Metadata is null || filter.Metadata.Count == 0));

    private ReadOnlySpan<float> RowSpan(int slot) => _matrix.AsSpan(slot * _options.Dimensions, _options.Dimensions);

    private ReadOnlyMemory<float> RowMemory(int slot) => _matrix.AsMemory(slot * _options.Dimensions, _options.Dimensions);

    private void Validate(IndexedChunk chunk, string documentId)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (string.IsNullOrEmpty(chunk.ChunkId))
        {
            throw new ChunkIndexException(chunk.ChunkId ?? "", "has no id.");
        }

        if (!string.Equals(chunk.DocumentId, documentId, StringComparison.Ordinal))
        {
            throw new ChunkIndexException(chunk.ChunkId, $"belongs to document '{chunk.DocumentId}', not '{documentId}'.");
        }

        if (chunk.Vector is null || chunk.Vector.Length != _options.Dimensions)
        {
            throw new ChunkIndexException(
                chunk.ChunkId, $"has an embedding of {chunk.Vector?.Length ?? 0} dimensions; the index holds {_options.Dimensions}.");
        }

        if (chunk.Text is null || chunk.Title is null || chunk.HeadingPath is null || chunk.Metadata is null)
        {
            throw new ChunkIndexException(chunk.ChunkId, "lacks its text, title, heading path or metadata (use empty values, not null).");
        }
    }

    private void Reserve(int rows)
    {
        if (rows <= _rows.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, _rows.Length * 2);
        Array.Resize(ref _rows, capacity);
        Array.Resize(ref _matrix, capacity * _options.Dimensions);
    }

    private void Append(IndexedChunk chunk)
    {
        if (_rowByChunkId.ContainsKey(chunk.ChunkId))
        {
            throw new ChunkIndexException(chunk.ChunkId, "is already in the index under another document or twice in the input.");
        }

        Reserve(_rowCount + 1);
        var row = new Row(chunk, _nextKey++, _rowCount++);
        var target = _matrix.AsSpan(row.Slot * _options.Dimensions, _options.Dimensions);
        chunk.Vector.CopyTo(target);
        UnitVectors.Normalize(target);
        _rows[row.Slot] = row;
        _rowByKey.Add(row.Key, row);
        _rowByChunkId.Add(chunk.ChunkId, row);
        if (!_rowsByDocument.TryGetValue(chunk.DocumentId, out var rows))
        {
            rows = [];
            _rowsByDocument.Add(chunk.DocumentId, rows);
        }

        rows.Add(row);
        _keyword.Add(row.Key, chunk);
    }

    private bool RemoveRows(string documentId)
    {
        if (!_rowsByDocument.Remove(documentId, out var rows))
        {
            return false;
        }

        foreach (var row in rows)
        {
            _rows[row.Slot] = null;
            _rowByKey.Remove(row.Key);
            _rowByChunkId.Remove(row.Chunk.ChunkId);
        }

        _tombstones += rows.Count;
        _keyword.RemoveDocument(documentId);
        return true;
    }

    private void CompactIfSparse()
    {
        if (_tombstones < MinimumCompaction || _tombstones * 4 < _rowCount)
        {
            return;
        }

        var dimensions = _options.Dimensions;
        var live = 0;
        for (var slot = 0; slot < _rowCount; slot++)
        {
            var row = _rows[slot];
            if (row is null)
            {
                continue;
            }

            if (slot != live)
            {
                _matrix.AsSpan(slot * dimensions, dimensions).CopyTo(_matrix.AsSpan(live * dimensions, dimensions));
                _rows[live] = row;
                row.Slot = live;
            }

            live++;
        }

        Array.Clear(_rows, live, _rowCount - live);
        _rowCount = live;
        _tombstones = 0;
    }

    /// <summary>A chunk's place: its permanent key (what the keyword index knows) and its current matrix row.</summary>
    private sealed class Row(IndexedChunk chunk, long key, int slot)
    {
        public IndexedChunk Chunk { get; } = chunk;

        public long Key { get; } = key;

        public int Slot { get; set; } = slot;
    }
}
