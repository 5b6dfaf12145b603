using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Search;
using Xunit;
using static Cluster.Tests.Knowledge.Search.TestChunks;

namespace Cluster.Tests.Knowledge.Search;

public sealed class KeywordSearchTests
{
    private static readonly HybridSearchSettings Settings = HybridSearchSettings.Default;

    private static KnowledgeIndex English() => Index(2,
        Make("c1", "d1", "Mitochondria produce most of the energy a cell uses, through oxidative phosphorylation.", [1, 0], "Cell biology"),
        Make("c2", "d2", "Stock markets fell sharply on Monday after the central bank raised interest rates.", [1, 0], "Finance news"),
        Make("c3", "d3", "Whisk the eggs with sugar, fold in flour and bake the cake for forty minutes.", [1, 0], "Baking"),
        Make("c4", "d4", "The river floods every spring when the mountain snow melts.", [1, 0], "Geography"));

    [Fact]
    public void Bm25_ranks_the_chunk_about_the_query_first()
    {
        using var index = English();

        var hits = index.Search(new KnowledgeSearchRequest("how do mitochondria give cells energy", 3, SearchMode.Keyword), null, Settings);

        Assert.Equal("c1", hits[0].ChunkId);
        Assert.True(hits[0].Score > 0);
        Assert.DoesNotContain(hits, h => h.ChunkId == "c3");
    }

    [Fact]
    public void Stemming_matches_other_forms_of_a_word()
    {
        using var index = English();

        var hits = index.Search(new KnowledgeSearchRequest("market falling", 3, SearchMode.Keyword), null, Settings);

        Assert.Equal("c2", Assert.Single(hits).ChunkId);
    }

    [Fact]
    public void Words_found_only_in_the_title_still_find_the_chunk()
    {
        using var index = English();

        var hits = index.Search(new KnowledgeSearchRequest("geography", 3, SearchMode.Keyword), null, Settings);

        Assert.Equal("c4", Assert.Single(hits).ChunkId);
    }

    [Theory]
    [InlineData(KeywordLanguage.Auto)]
    [InlineData(KeywordLanguage.Cjk)]
    public void Cjk_text_is_found_by_a_cjk_query(KeywordLanguage language)
    {
        using var index = KnowledgeIndex.Build(new SearchIndexOptions(2, language), [
            Make("zh1", "d1", "机器学习是人工智能的一个重要分支，它让计算机从数据中学习。", [1, 0]),
            Make("zh2", "d2", "今天天气很好，我们一起去公园散步吧。", [1, 0]),
            Make("ja1", "d3", "東京は日本の首都で、人口がとても多い都市です。", [1, 0]),
            Make("en1", "d4", "Artificial intelligence research in Europe.", [1, 0]),
        ]);

        var chinese = index.Search(new KnowledgeSearchRequest("人工智能", 3, SearchMode.Keyword), null, Settings);
        var japanese = index.Search(new KnowledgeSearchRequest("日本の首都", 3, SearchMode.Keyword), null, Settings);

        Assert.Equal("zh1", chinese[0].ChunkId);
        Assert.DoesNotContain(chinese, h => h.ChunkId == "zh2");
        Assert.Equal("ja1", japanese[0].ChunkId);
    }

    [Fact]
    public void Auto_language_keeps_english_stemming_beside_cjk()
    {
        using var index = KnowledgeIndex.Build(new SearchIndexOptions(2, KeywordLanguage.Auto), [
            Make("en", "d1", "Researchers trained networks on images.", [1, 0]),
            Make("zh", "d2", "研究人员用图像训练网络。", [1, 0]),
        ]);

        var hits = index.Search(new KnowledgeSearchRequest("training network", 3, SearchMode.Keyword), null, Settings);

        Assert.Equal("en", Assert.Single(hits).ChunkId);
    }

    [Fact]
    public void Filters_limit_keyword_results_to_the_named_documents_and_metadata()
    {
        using var index = Index(2,
            Make("a", "d1", "solar panels convert sunlight", [1, 0], metadata: new Dictionary<string, string> { ["team"] = "energy", ["year"] = "2024" }),
            Make("b", "d2", "solar eclipse seen from Spain", [1, 0], metadata: new Dictionary<string, string> { ["team"] = "space", ["year"] = "2024" }),
            Make("c", "d3", "solar wind and the magnetosphere", [1, 0], metadata: new Dictionary<string, string> { ["team"] = "space", ["year"] = "2023" }));

        var byDocument = index.Search(new KnowledgeSearchRequest("solar", 10, SearchMode.Keyword, Filter: new SearchFilter(DocumentIds: ["d1", "d3"])), null, Settings);
        var byMetadata = index.Search(new KnowledgeSearchRequest("solar", 10, SearchMode.Keyword,
            Filter: new SearchFilter(Metadata: new Dictionary<string, string> { ["team"] = "space", ["year"] = "2024" })), null, Settings);
        var both = index.Search(new KnowledgeSearchRequest("solar", 10, SearchMode.Keyword,
            Filter: new SearchFilter(["d1", "d2"], new Dictionary<string, string> { ["team"] = "space" })), null, Settings);

        Assert.Equal(["a", "c"], byDocument.Select(h => h.ChunkId).Order());
        Assert.Equal("b", Assert.Single(byMetadata).ChunkId);
        Assert.Equal("b", Assert.Single(both).ChunkId);
    }

    [Fact]
    public void Threshold_drops_keyword_results_scoring_below_it()
    {
        using var index = English();
        var all = index.Search(new KnowledgeSearchRequest("cell energy bank", 10, SearchMode.Keyword), null, Settings);
        Assert.True(all.Count >= 2);
        var threshold = (all[0].Score + all[^1].Score) / 2;

        var kept = index.Search(new KnowledgeSearchRequest("cell energy bank", 10, SearchMode.Keyword, threshold), null, Settings);

        Assert.NotEmpty(kept);
        Assert.True(kept.Count < all.Count);
        Assert.All(kept, h => Assert.True(h.Score >= threshold));
    }

    [Fact]
    public void Query_syntax_characters_are_searched_as_text()
    {
        using var index = English();

        var hits = index.Search(new KnowledgeSearchRequest("mitochondria* AND (energy OR \"cell", 3, SearchMode.Keyword), null, Settings);

        Assert.Equal("c1", hits[0].ChunkId);
    }
}
