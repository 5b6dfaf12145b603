using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Xunit;
using static Cluster.Tests.Knowledge.Search.TestChunks;

namespace Cluster.Tests.Knowledge.Search;

public sealed class IndexMaintenanceTests
{
    private static readonly HybridSearchSettings Settings = HybridSearchSettings.Default;

    [Fact]
    public void Upserting_a_document_replaces_its_chunks_in_both_modes()
    {
        using var index = new KnowledgeIndex(new SearchIndexOptions(2));
        index.Upsert("d1", [Make("d1-0", "d1", "alpha particles", [1, 0]), Make("d1-1", "d1", "alpha decay", [1, 0], position: 1)]);
        index.Upsert("d2", [Make("d2-0", "d2", "gamma rays", [0, 1])]);

        index.Upsert("d1", [Make("d1-0b", "d1", "beta radiation", [1, 0])]);

        Assert.Equal(2, index.Count);
        Assert.Empty(index.Search(new KnowledgeSearchRequest("alpha", 10, SearchMode.Keyword), null, Settings));
        Assert.Equal("d1-0b", Assert.Single(index.Search(new KnowledgeSearchRequest("beta", 10, SearchMode.Keyword), null, Settings)).ChunkId);
        Assert.Equal(["d1-0b", "d2-0"], index.Search(new KnowledgeSearchRequest("q", 10, SearchMode.Vector), [1, 0], Settings).Select(h => h.ChunkId));
    }

    [Fact]
    public void Removing_a_document_removes_it_from_every_mode()
    {
        using var index = Index(2, Make("a", "d1", "alpha", [1, 0]), Make("b", "d2", "beta", [0, 1]));

        Assert.True(index.Remove("d1"));

        Assert.False(index.Remove("d1"));
        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.DocumentCount);
        Assert.Empty(index.Search(new KnowledgeSearchRequest("alpha", 10, SearchMode.Keyword), null, Settings));
        Assert.Equal(["b"], index.Search(new KnowledgeSearchRequest("alpha", 10, SearchMode.Hybrid), [1, 0], Settings).Select(h => h.ChunkId));
    }

    [Fact]
    public void Searches_stay_exact_after_removals_compact_the_matrix()
    {
        var random = new Random(5);
        var chunks = Enumerable.Range(0, 3000).Select(i => Make($"c{i}", $"d{i}", $"word{i % 7} common", Random(random, 8))).ToList();
        using var index = KnowledgeIndex.Build(new SearchIndexOptions(8), chunks);
        foreach (var chunk in chunks.Take(2500))
            index.Remove(chunk.DocumentId);
        var added = Make("new-0", "new", "fresh word3", Random(random, 8));
        index.Upsert("new", [added]);
        var live = chunks.Skip(2500).Append(added).ToList();
        var query = Random(random, 8);

        var vector = index.Search(new KnowledgeSearchRequest("q", 10, SearchMode.Vector), query, Settings);
        var keyword = index.Search(new KnowledgeSearchRequest("word3", 1000, SearchMode.Keyword), null, Settings);

        Assert.Equal(501, index.Count);
        var expected = live.OrderByDescending(c => c.Vector.Zip(query, (a, b) => a * b).Sum()).Take(10).Select(c => c.ChunkId);
        Assert.Equal(expected, vector.Select(h => h.ChunkId));
        Assert.Equal(live.Where(c => c.Text.Contains("word3", StringComparison.Ordinal)).Select(c => c.ChunkId).Order(), keyword.Select(h => h.ChunkId).Order());
    }

    [Fact]
    public void A_chunk_id_used_by_another_document_is_refused_and_changes_nothing()
    {
        using var index = Index(2, Make("shared", "d1", "alpha", [1, 0]));

        var error = Assert.Throws<ChunkIndexException>(() => index.Upsert("d2", [Make("own", "d2", "beta", [1, 0]), Make("shared", "d2", "gamma", [1, 0])]));

        Assert.Equal("shared", error.ChunkId);
        Assert.Equal(1, index.Count);
        Assert.Empty(index.Search(new KnowledgeSearchRequest("beta", 10, SearchMode.Keyword), null, Settings));
    }

    [Fact]
    public void A_chunk_embedding_of_the_wrong_length_is_refused()
    {
        using var index = new KnowledgeIndex(new SearchIndexOptions(3));

        var error = Assert.Throws<ChunkIndexException>(() => index.Upsert("d1", [Make("c", "d1", "text", [1, 0])]));

        Assert.Contains("2 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Neighbours_are_the_chunks_around_a_position_in_order()
    {
        using var index = Index(2,
            Make("p2", "d1", "two", [1, 0], position: 2),
            Make("p0", "d1", "zero", [1, 0], position: 0),
            Make("p1", "d1", "one", [1, 0], position: 1),
            Make("p3", "d1", "three", [1, 0], position: 3),
            Make("other", "d2", "x", [1, 0], position: 1));

        var neighbours = index.GetNeighbours("d1", 1, 1);

        Assert.Equal(["p0", "p1", "p2"], neighbours.Select(h => h.ChunkId));
        Assert.Empty(index.GetNeighbours("missing", 0, 3));
    }
}
