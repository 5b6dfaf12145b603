using System.Text;
using Cluster.GrainInterfaces.Chat;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Chat.Caching;

namespace Cluster.Grains.Chat.Retrieval;

/// <summary>
/// Hybrid search of the knowledge base (through the retrieval cache), then each hit widened by its neighbouring
/// chunks into a passage; hits that fall inside a passage already taken add nothing, passages of one document that
/// overlap or touch become one, and the best <c>topK</c> passages are numbered from 1 in rank order.
/// </summary>
public sealed class PassageRetriever(RetrievalOptions options, RetrievalCache cache)
{
    public async Task<IReadOnlyList<ChatReference>> RetrieveAsync(IPassageSource source, string query, int topK, CancellationToken cancellation)
    {
        var version = await source.GetVersionAsync().ConfigureAwait(false);
        var request = new KnowledgeSearchRequest(query, Math.Min(100, topK * options.CandidatesPerPassage), SearchMode.Hybrid);
        var found = await cache.GetOrSearchAsync(source.KnowledgeBaseId, version, request, r => source.SearchAsync(r, cancellation)).ConfigureAwait(false);

        var seeds = Seeds(found.Results, topK);
        var widened = new Task<IReadOnlyList<KnowledgeSearchHit>>[seeds.Count];
        for (var i = 0; i < seeds.Count; i++)
        {
            widened[i] = options.NeighbourRadius == 0
                ? Task.FromResult<IReadOnlyList<KnowledgeSearchHit>>([seeds[i]])
                : source.GetNeighboursAsync(seeds[i].DocumentId, seeds[i].Position, options.NeighbourRadius);
        }

        await Task.WhenAll(widened).ConfigureAwait(false);
        var passages = new List<PassageBuilder>(seeds.Count);
        for (var i = 0; i < seeds.Count; i++)
        {
            var passage = new PassageBuilder(seeds[i]);
            passage.Add(widened[i].Result);
            var merged = false;
            foreach (var earlier in passages)
            {
                if (earlier.Touches(passage))
                {
                    earlier.Absorb(passage);
                    merged = true;
                    break;
                }
            }

            if (!merged)
                passages.Add(passage);
        }

        var references = new ChatReference[passages.Count];
        for (var i = 0; i < references.Length; i++)
            references[i] = passages[i].Build(i + 1, options.MaxPassageCharacters);
        return references;
    }

    /// <summary>Up to <paramref name="topK"/> hits, best first, none within the neighbour radius of a better one of its document.</summary>
    private List<KnowledgeSearchHit> Seeds(IReadOnlyList<KnowledgeSearchHit> hits, int topK)
    {
        var seeds = new List<KnowledgeSearchHit>(topK);
        foreach (var hit in hits)
        {
            if (seeds.Count == topK)
                break;
            var covered = false;
            foreach (var seed in seeds)
                covered |= seed.DocumentId == hit.DocumentId && Math.Abs(seed.Position - hit.Position) <= options.NeighbourRadius;
            if (!covered)
                seeds.Add(hit);
        }

        return seeds;
    }

    /// <summary>One passage being assembled: a run of consecutive chunks of one document.</summary>
    private sealed class PassageBuilder(KnowledgeSearchHit seed)
    {
        private readonly SortedDictionary<int, KnowledgeSearchHit> _chunks = new() { [seed.Position] = seed };
        private double _score = seed.Score;
        private int _first = seed.Position;
        private int _last = seed.Position;

        public void Add(IReadOnlyList<KnowledgeSearchHit> chunks)
        {
            foreach (var chunk in chunks)
            {
                if (chunk.DocumentId == seed.DocumentId)
                    Include(chunk.Position, chunk);
            }
        }

        public bool Touches(PassageBuilder other) =>
            other.Seed.DocumentId == seed.DocumentId && other._first <= _last + 1 && _first <= other._last + 1;

        public void Absorb(PassageBuilder other)
        {
            foreach (var (position, chunk) in other._chunks)
                Include(position, chunk);
            _score = Math.Max(_score, other._score);
        }

        private KnowledgeSearchHit Seed => seed;

        private void Include(int position, KnowledgeSearchHit chunk)
        {
            if (!_chunks.TryAdd(position, chunk))
                return;
            _first = Math.Min(_first, position);
            _last = Math.Max(_last, position);
        }

        public ChatReference Build(int number, int maxCharacters)
        {
            var text = new StringBuilder();
            var ids = new List<string>(_chunks.Count);
            foreach (var chunk in _chunks.Values)
            {
                if (text.Length > 0)
                    text.Append('\n');
                text.Append(chunk.Text);
                ids.Add(chunk.ChunkId);
            }

            if (text.Length > maxCharacters)
                text.Length = maxCharacters;
            return new ChatReference(number, seed.DocumentId, seed.ExternalId, seed.Title, seed.HeadingPath, ids, text.ToString(), _score);
        }
    }
}
