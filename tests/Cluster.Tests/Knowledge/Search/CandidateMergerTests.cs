using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Xunit;
using static Cluster.Tests.Knowledge.Search.TestChunks;

namespace Cluster.Tests.Knowledge.Search;

public sealed class CandidateMergerTests
{
    private static readonly string[] Words =
        ["protein", "cell", "cancer", "gene", "virus", "immune", "brain", "heart", "drug", "trial", "mouse", "blood", "risk", "dose"];

    private static List<IndexedChunk> Corpus()
    {
        var random = new Random(17);
        return Enumerable.Range(0, 120).Select(i =>
        {
            var text = string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]));
            return Make($"c{i:D3}", $"d{i / 2}", text, Random(random, 12), position: i % 2);
        }).ToList();
    }

    private static (KnowledgeIndex Whole, KnowledgeIndex[] Shards) Split(List<IndexedChunk> corpus, int shards)
    {
        var whole = KnowledgeIndex.Build(new SearchIndexOptions(12), corpus);
        var parts = Enumerable.Range(0, shards)
            .Select(s => KnowledgeIndex.Build(new SearchIndexOptions(12), corpus.Where(c => int.Parse(c.DocumentId[1..], System.Globalization.CultureInfo.InvariantCulture) % shards == s)))
            .ToArray();
        return (whole, parts);
    }

    private static IReadOnlyList<KnowledgeSearchHit> Merged(KnowledgeIndex[] shards, KnowledgeSearchRequest request, float[] query, HybridSearchSettings settings)
    {
        var ask = new ShardSearchRequest(request.Query, query, request.Mode, CandidateMerger.CandidatesPerMode(request, settings), request.Filter);
        return CandidateMerger.Merge(shards.Select(s => s.FindCandidates(ask)).ToList(), request, settings);
    }

    [Theory]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    [InlineData(SearchMode.Keyword)]
    public void One_shard_merged_equals_the_index_searched_directly(SearchMode mode)
    {
        var corpus = Corpus();
        using var index = KnowledgeIndex.Build(new SearchIndexOptions(12), corpus);
        var query = Random(new Random(2), 12);
        var request = new KnowledgeSearchRequest("cancer gene drug", 10, mode);
        var settings = new HybridSearchSettings(MmrLambda: 0.8, CandidatesPerMode: 20);

        var direct = index.Search(request, query, settings);
        var merged = Merged([index], request, query, settings);

        Assert.Equal(direct, merged, (a, b) => a.ChunkId == b.ChunkId && Math.Abs(a.Score - b.Score) < 1e-6);
    }

    [Fact]
    public void Vector_results_merged_from_shards_equal_the_whole_index()
    {
        var corpus = Corpus();
        var (whole, shards) = Split(corpus, 3);
        var query = Random(new Random(9), 12);
        var request = new KnowledgeSearchRequest("q", 15, SearchMode.Vector);

        var direct = whole.Search(request, query, HybridSearchSettings.Default);
        var merged = Merged(shards, request, query, HybridSearchSettings.Default);

        Assert.All(shards, s => Assert.True(s.Count is > 0 and < 120));
        Assert.Equal(direct.Select(h => (h.ChunkId, Math.Round(h.Score, 5))), merged.Select(h => (h.ChunkId, Math.Round(h.Score, 5))));
        whole.Dispose();
        foreach (var shard in shards)
            shard.Dispose();
    }

    [Fact]
    public void Hybrid_results_merged_from_shards_match_the_whole_index()
    {
        var corpus = Corpus();
        var (whole, shards) = Split(corpus, 3);
        var query = Random(new Random(4), 12);
        var request = new KnowledgeSearchRequest("virus immune blood", 10, SearchMode.Hybrid, Filter: new SearchFilter(Metadata: new Dictionary<string, string>()));
        var settings = HybridSearchSettings.Default;

        var direct = whole.Search(request, query, settings).Select(h => h.ChunkId).ToList();
        var merged = Merged(shards, request, query, settings).Select(h => h.ChunkId).ToList();

        Assert.Equal(10, merged.Count);
        Assert.True(direct.Intersect(merged).Count() >= 9, $"whole: {string.Join(',', direct)}; shards: {string.Join(',', merged)}");
        whole.Dispose();
        foreach (var shard in shards)
            shard.Dispose();
    }
}
