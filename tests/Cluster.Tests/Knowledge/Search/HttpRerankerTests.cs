using System.Text.Json;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search.Rerank;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Cluster.Tests.Knowledge.Search;

public sealed class HttpRerankerTests
{
    /// <summary>A Jina-style rerank server that scores a passage by how many query words it contains, and records what it was sent.</summary>
    private sealed class WordOverlapServer
    {
        public List<JsonElement> Requests { get; } = [];

        public List<string?> Authorizations { get; } = [];

        public void Map(WebApplication app) => app.MapPost("/v1/rerank", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement.Clone();
            lock (Requests)
            {
                Requests.Add(root);
                Authorizations.Add(request.Headers.Authorization.FirstOrDefault());
            }

            var words = root.GetProperty("query").GetString()!.ToLowerInvariant().Split(' ');
            var results = root.GetProperty("documents").EnumerateArray()
                .Select((d, i) => new { index = i, relevance_score = (double)words.Count(w => d.GetString()!.ToLowerInvariant().Contains(w, StringComparison.Ordinal)) })
                .OrderByDescending(r => r.relevance_score)
                .Take(root.GetProperty("top_n").GetInt32());
            return Results.Json(new { model = "overlap", results });
        });
    }

    private static KnowledgeSearchHit Hit(string id, string text, double score) => new(id, "d-" + id, null, "t", text, score, [], 0);

    [Fact]
    public async Task Reranking_reorders_hits_by_the_endpoints_scores()
    {
        var server = new WordOverlapServer();
        await using var host = await LoopbackServer.StartAsync(server.Map);
        using var http = new HttpClient();
        var reranker = new HttpReranker(http, new RerankSettings(new Uri(host.Address, "/v1/rerank"), "bge-reranker", "secret"));
        KnowledgeSearchHit[] hits = [Hit("a", "the weather today", 0.9), Hit("b", "solar power and solar panels", 0.5), Hit("c", "panels of experts", 0.4)];

        var reranked = await Reranking.ApplyAsync(reranker, "solar panels", hits, 2, CancellationToken.None);

        Assert.Equal(["b", "c"], reranked.Select(h => h.ChunkId));
        Assert.Equal(2.0, reranked[0].Score);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("bge-reranker", sent.GetProperty("model").GetString());
        Assert.Equal(2, sent.GetProperty("top_n").GetInt32());
        Assert.Equal(3, sent.GetProperty("documents").GetArrayLength());
        Assert.Equal("Bearer secret", server.Authorizations[0]);
    }

    [Fact]
    public async Task An_endpoint_error_is_reported_with_its_status_and_body()
    {
        await using var host = await LoopbackServer.StartAsync(app =>
            app.MapPost("/v1/rerank", () => Results.Json(new { error = "model not loaded" }, statusCode: 503)));
        using var http = new HttpClient();
        var reranker = new HttpReranker(http, new RerankSettings(new Uri(host.Address, "/v1/rerank")));

        var error = await Assert.ThrowsAsync<RerankException>(() => reranker.RerankAsync("q", ["a", "b"], 2, CancellationToken.None));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("model not loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_naming_a_passage_that_was_not_sent_is_refused()
    {
        await using var host = await LoopbackServer.StartAsync(app =>
            app.MapPost("/v1/rerank", () => Results.Json(new { results = new[] { new { index = 5, relevance_score = 1.0 } } })));
        using var http = new HttpClient();
        var reranker = new HttpReranker(http, new RerankSettings(new Uri(host.Address, "/v1/rerank")));

        var error = await Assert.ThrowsAsync<RerankException>(() => reranker.RerankAsync("q", ["a", "b"], 2, CancellationToken.None));

        Assert.Contains("index 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_searcher_reranks_a_wider_pool_than_top_k()
    {
        var server = new WordOverlapServer();
        await using var host = await LoopbackServer.StartAsync(server.Map);
        using var http = new HttpClient();
        var reranker = new HttpReranker(http, new RerankSettings(new Uri(host.Address, "/v1/rerank")));
        using var index = TestChunks.Index(2,
            TestChunks.Make("a", "d1", "solar", [1, 0]),
            TestChunks.Make("b", "d2", "solar", [1, 0]),
            TestChunks.Make("c", "d3", "solar energy storage grid", [1, 0]));
        var searcher = new Cluster.Grains.Knowledge.Search.KnowledgeSearcher(new KeywordOnlyEmbedder(), reranker, rerankCandidates: 3);

        var hits = await searcher.SearchAsync(index, new KnowledgeSearchRequest("solar energy grid", 1, SearchMode.Keyword),
            Cluster.Grains.Knowledge.Search.HybridSearchSettings.Default, CancellationToken.None);

        Assert.Equal("c", Assert.Single(hits).ChunkId);
        Assert.Equal(3, Assert.Single(server.Requests).GetProperty("documents").GetArrayLength());
    }

    /// <summary>Keyword searches never embed; this embedder proves it by failing if asked.</summary>
    private sealed class KeywordOnlyEmbedder : Cluster.Grains.Knowledge.Embeddings.ITextEmbedder
    {
        public string ModelId => "none";

        public int Dimensions => 2;

        public int MaxSequenceTokens => 1;

        public Task<float[][]> EmbedDocumentsAsync(IReadOnlyList<string> texts, CancellationToken cancellation) =>
            throw new InvalidOperationException("keyword search must not embed");

        public Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellation) =>
            throw new InvalidOperationException("keyword search must not embed");
    }
}
