using System.Globalization;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Evaluation;
using Cluster.Grains.Knowledge.Search;

namespace Cluster.Bench;

/// <summary>
/// Retrieval quality of the search engine on SciFact (all 5,183 abstracts, the 505 judged training claims): nDCG@10 of
/// keyword, vector and hybrid search in one run, beside the published BM25 figure. Each shipped local model is
/// measured (<c>--models a,b</c> narrows it); the first listed is the headline. <c>--sweep</c> also measures title
/// boosts, fusion weights and MMR λ. Usage: <c>knowledge-quality [--models NAMES] [--sweep] [--data DIR]</c>.
/// </summary>
internal static class KnowledgeQualityMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataset = SciFactData.Load(args);
        var models = ModelsFrom(args);
        var sweep = Array.IndexOf(args, "--sweep") >= 0;
        var settings = HybridSearchSettings.Default;
        var result = new Dictionary<string, object>
        {
            ["mode"] = "knowledge-quality",
            ["dataset"] = "scifact-train",
            ["documents"] = dataset.Corpus.Count,
            ["queries"] = dataset.Queries.Count,
            ["published_bm25_ndcg10_scifact_test"] = SciFactData.PublishedBm25Ndcg10,
            ["keyword_weight"] = settings.KeywordWeight,
            ["vector_weight"] = settings.VectorWeight,
            ["mmr_lambda"] = settings.MmrLambda,
            ["title_boost"] = SearchIndexOptions.DefaultTitleBoost,
        };
        using var catalog = new EmbedderCatalog();
        var perModel = new Dictionary<string, object>();
        foreach (var model in models)
        {
            var embedder = catalog.Get(new EmbedderSettings(EmbeddingProvider.Local, model.Name));
            var (documents, docsPerSecond) = await EmbeddingCache.GetAsync(embedder, RetrievalEvaluation.EmbeddingTexts(dataset), queries: false);
            var queryTexts = new List<string>(dataset.Queries.Count);
            foreach (var query in dataset.Queries)
                queryTexts.Add(query.Text);
            var (queries, _) = await EmbeddingCache.GetAsync(embedder, queryTexts, queries: true);

            using var index = KnowledgeIndex.Build(new SearchIndexOptions(embedder.Dimensions, KeywordLanguage.English), RetrievalEvaluation.Chunks(dataset, documents));
            var figures = new Dictionary<string, object>
            {
                ["ndcg10_keyword"] = Round(RetrievalEvaluation.MeanNdcg(index, dataset, queries, SearchMode.Keyword, settings)),
                ["ndcg10_vector"] = Round(RetrievalEvaluation.MeanNdcg(index, dataset, queries, SearchMode.Vector, settings)),
                ["ndcg10_hybrid"] = Round(RetrievalEvaluation.MeanNdcg(index, dataset, queries, SearchMode.Hybrid, settings)),
                ["embedding_docs_per_s"] = docsPerSecond is { } rate ? Math.Round(rate, 1) : "cached",
            };
            if (sweep)
                figures["sweep"] = Sweep(dataset, documents, queries, embedder.Dimensions, index);
            perModel[model.Name] = figures;
            Console.WriteLine($"{model.Name}: {string.Join(", ", figures.Where(f => f.Key != "sweep").Select(f => $"{f.Key}={f.Value}"))}");
        }

        var headline = (Dictionary<string, object>)perModel[models[0].Name];
        result["model"] = models[0].Name;
        foreach (var key in new[] { "ndcg10_keyword", "ndcg10_vector", "ndcg10_hybrid", "embedding_docs_per_s" })
            result[key] = headline[key];
        result["models"] = perModel;
        result["load_average"] = LoadAverage();
        return BenchResult.Print(result);
    }

    private static Dictionary<string, object> Sweep(BeirDataset dataset, float[][] documents, float[][] queries, int dimensions, KnowledgeIndex index)
    {
        var sweep = new Dictionary<string, object>();
        foreach (var boost in new[] { 0f, 0.25f, 0.5f, 1f })
        {
            using var boosted = KnowledgeIndex.Build(new SearchIndexOptions(dimensions, KeywordLanguage.English, boost), RetrievalEvaluation.Chunks(dataset, documents));
            sweep[$"keyword_title_boost_{boost.ToString(CultureInfo.InvariantCulture)}"] =
                Round(RetrievalEvaluation.MeanNdcg(boosted, dataset, queries, SearchMode.Keyword, HybridSearchSettings.Default));
        }

        foreach (var keywordWeight in new[] { 0.5, 0.75, 1.0, 1.25 })
        {
            foreach (var lambda in new[] { 1.0, 0.97, 0.95, 0.9, 0.8 })
            {
                var settings = new HybridSearchSettings(KeywordWeight: keywordWeight, VectorWeight: 1.0, MmrLambda: lambda);
                sweep[$"hybrid_kw{keywordWeight.ToString(CultureInfo.InvariantCulture)}_lambda{lambda.ToString(CultureInfo.InvariantCulture)}"] =
                    Round(RetrievalEvaluation.MeanNdcg(index, dataset, queries, SearchMode.Hybrid, settings));
            }
        }

        return sweep;
    }

    private static List<LocalEmbeddingModel> ModelsFrom(string[] args)
    {
        if (BenchOptions.Option(args, "--models") is not { } names)
            return [EmbedderCatalog.DefaultLocalModel, .. LocalEmbeddingModel.All.Where(m => m != EmbedderCatalog.DefaultLocalModel)];
        return names.Split(',').Select(name => LocalEmbeddingModel.All.Single(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static double Round(double value) => Math.Round(value, 4);

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
