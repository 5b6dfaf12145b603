using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Xunit;
using static Cluster.Tests.Knowledge.Search.TestChunks;

namespace Cluster.Tests.Knowledge.Search;

public sealed class VectorSearchTests
{
    private static readonly HybridSearchSettings Settings = HybridSearchSettings.Default;

    [Fact]
    public void Vector_search_ranks_chunks_by_cosine_similarity()
    {
        using var index = Index(3,
            Make("x", "d1", "one", Direction(3, 0)),
            Make("xy", "d2", "two", Direction(3, 0, 1, 0.5f)),
            Make("y", "d3", "three", Direction(3, 1)),
            Make("z", "d4", "four", Direction(3, 2)));

        var hits = index.Search(new KnowledgeSearchRequest("ignored", 3, SearchMode.Vector), [2f, 0f, 0f], Settings);

        Assert.Equal(["x", "xy", "y"], hits.Select(h => h.ChunkId));
        Assert.Equal(1.0, hits[0].Score, 5);
        Assert.Equal(1 / Math.Sqrt(1.25), hits[1].Score, 5);
    }

    [Fact]
    public void Vector_search_agrees_with_a_brute_force_ranking()
    {
        var random = new Random(11);
        var chunks = Enumerable.Range(0, 500).Select(i => Make($"c{i}", $"d{i % 50}", "text", Random(random, 16))).ToArray();
        using var index = Index(16, chunks);
        var query = Random(random, 16);

        var hits = index.Search(new KnowledgeSearchRequest("q", 20, SearchMode.Vector), query, Settings);

        var expected = chunks.OrderByDescending(c => c.Vector.Zip(query, (a, b) => a * b).Sum()).Take(20).Select(c => c.ChunkId);
        Assert.Equal(expected, hits.Select(h => h.ChunkId));
    }

    [Fact]
    public void Filters_limit_vector_results_to_the_named_documents_and_metadata()
    {
        var red = new Dictionary<string, string> { ["colour"] = "red" };
        var blue = new Dictionary<string, string> { ["colour"] = "blue" };
        using var index = Index(2,
            Make("a", "d1", "a", Direction(2, 0), metadata: red),
            Make("b", "d2", "b", Direction(2, 0, 1, 0.1f), metadata: blue),
            Make("c", "d3", "c", Direction(2, 0, 1, 0.2f), metadata: red),
            Make("d", "d3", "d", Direction(2, 1), metadata: red));

        var byDocument = index.Search(new KnowledgeSearchRequest("q", 10, SearchMode.Vector, Filter: new SearchFilter(["d2", "d3", "d3"])), [1, 0], Settings);
        var byMetadata = index.Search(new KnowledgeSearchRequest("q", 10, SearchMode.Vector, Filter: new SearchFilter(Metadata: blue)), [1, 0], Settings);
        var none = index.Search(new KnowledgeSearchRequest("q", 10, SearchMode.Vector, Filter: new SearchFilter(["d1"], blue)), [1, 0], Settings);

        Assert.Equal(["b", "c", "d"], byDocument.Select(h => h.ChunkId));
        Assert.Equal("b", Assert.Single(byMetadata).ChunkId);
        Assert.Empty(none);
    }

    [Fact]
    public void Threshold_drops_vector_results_less_similar_than_it()
    {
        using var index = Index(2,
            Make("near", "d1", "a", Direction(2, 0, 1, 0.1f)),
            Make("far", "d2", "b", Direction(2, 1)));

        var hits = index.Search(new KnowledgeSearchRequest("q", 10, SearchMode.Vector, Threshold: 0.5), [1, 0], Settings);

        Assert.Equal("near", Assert.Single(hits).ChunkId);
    }

    [Fact]
    public void A_query_embedding_of_the_wrong_length_is_refused()
    {
        using var index = Index(3, Make("a", "d1", "a", Direction(3, 0)));

        var error = Assert.Throws<ArgumentException>(() => index.Search(new KnowledgeSearchRequest("q", 1, SearchMode.Vector), [1, 0], Settings));

        Assert.Contains("3", error.Message, StringComparison.Ordinal);
    }
}
