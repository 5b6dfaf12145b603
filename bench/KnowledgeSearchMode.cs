using System.Diagnostics;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Evaluation;
using Cluster.Grains.Knowledge.Search;

namespace Cluster.Bench;

/// <summary>
/// Engine-level search latency at scale, one query at a time. The 100,000 chunks are SciFact's abstracts split into
/// sentences, replicated until there are enough (copies get their own chunk ids and documents). Embedding 100,000
/// chunks here would take most of an hour, so each sentence chunk's vector is its abstract's real embedding (from the
/// default local model, cached) plus Gaussian noise (σ = 0.02 per dimension) and renormalised: real geometry, distinct
/// vectors. Queries are SciFact claims, embedded for real on every search (included in the hybrid figures).
/// Usage: <c>knowledge-search [--chunks N] [--queries N] [--data DIR]</c>.
/// </summary>
internal static class KnowledgeSearchMode
{
    private const float Noise = 0.02f;

    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchOptions.IntOption(args, "--chunks", 100_000);
        var measured = BenchOptions.IntOption(args, "--queries", 500);
        var dataset = SciFactData.Load(args);
        using var catalog = new EmbedderCatalog();
        var embedder = catalog.Get(EmbedderSettings.Default);
        var (abstracts, _) = await EmbeddingCache.GetAsync(embedder, RetrievalEvaluation.EmbeddingTexts(dataset), queries: false);

        var chunks = Synthesise(dataset, abstracts, target);
        var build = Stopwatch.StartNew();
        using var index = KnowledgeIndex.Build(new SearchIndexOptions(embedder.Dimensions), chunks);
        var buildMs = build.Elapsed.TotalMilliseconds;
        chunks.Clear();

        var settings = HybridSearchSettings.Default;
        var warmup = Math.Min(50, dataset.Queries.Count);
        for (var i = 0; i < warmup; i++)
            await SearchOnceAsync(index, embedder, dataset.Queries[i].Text, SearchMode.Hybrid, settings);

        var embedMs = new List<double>(measured);
        var hybridMs = new List<double>(measured);
        var hybridSearchMs = new List<double>(measured);
        var keywordMs = new List<double>(measured);
        var vectorMs = new List<double>(measured);
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < measured; i++)
        {
            var text = dataset.Queries[i % dataset.Queries.Count].Text;
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var (embed, search) = await SearchOnceAsync(index, embedder, text, SearchMode.Hybrid, settings);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - before;
            embedMs.Add(embed);
            hybridSearchMs.Add(search);
            hybridMs.Add(embed + search);
            keywordMs.Add((await SearchOnceAsync(index, null, text, SearchMode.Keyword, settings)).Search);
            vectorMs.Add(embed + (await SearchOnceAsync(index, embedder, text, SearchMode.Vector, settings)).Search);
        }

        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "knowledge-search",
            ["chunks"] = index.Count,
            ["dimensions"] = embedder.Dimensions,
            ["model"] = embedder.ModelId,
            ["vectors"] = $"abstract embedding + N(0,{Noise}) noise, renormalised",
            ["build_ms"] = Math.Round(buildMs),
            ["queries"] = measured,
            ["hybrid_p50_ms"] = Percentile(hybridMs, 0.50),
            ["hybrid_p99_ms"] = Percentile(hybridMs, 0.99),
            // CPU time depends far less on the machine's load than wall time does (all threads of the process).
            ["hybrid_cpu_ms_per_query"] = Math.Round(cpu.TotalMilliseconds / measured, 2),
            ["hybrid_search_only_p50_ms"] = Percentile(hybridSearchMs, 0.50),
            ["hybrid_search_only_p99_ms"] = Percentile(hybridSearchMs, 0.99),
            ["query_embedding_p50_ms"] = Percentile(embedMs, 0.50),
            ["query_embedding_p99_ms"] = Percentile(embedMs, 0.99),
            ["keyword_p50_ms"] = Percentile(keywordMs, 0.50),
            ["keyword_p99_ms"] = Percentile(keywordMs, 0.99),
            ["vector_p50_ms"] = Percentile(vectorMs, 0.50),
            ["vector_p99_ms"] = Percentile(vectorMs, 0.99),
            ["load_average"] = KnowledgeQualityMode.LoadAverage(),
            ["cores"] = Environment.ProcessorCount,
        });
    }

    private static async Task<(double Embed, double Search)> SearchOnceAsync(
        KnowledgeIndex index, ITextEmbedder? embedder, string text, SearchMode mode, HybridSearchSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var vector = embedder is null ? null : await embedder.EmbedQueryAsync(text, CancellationToken.None);
        var embed = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        index.Search(new KnowledgeSearchRequest(text, 10, mode), vector, settings);
        return (embed, clock.Elapsed.TotalMilliseconds);
    }

    private static List<IndexedChunk> Synthesise(BeirDataset dataset, float[][] abstracts, int target)
    {
        var random = new Random(7);
        var chunks = new List<IndexedChunk>(target);
        var noMetadata = new Dictionary<string, string>();
        for (var copy = 0; chunks.Count < target; copy++)
        {
            for (var d = 0; d < dataset.Corpus.Count && chunks.Count < target; d++)
            {
                var document = dataset.Corpus[d];
                var documentId = $"{document.Id}-{copy}";
                var sentences = document.Text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                for (var s = 0; s < sentences.Length && chunks.Count < target; s++)
                {
                    var vector = new float[abstracts[d].Length];
                    for (var i = 0; i < vector.Length; i++)
                        vector[i] = abstracts[d][i] + (Noise * Gaussian(random));
                    chunks.Add(new IndexedChunk($"{documentId}-{s}", documentId, document.Id, document.Title, sentences[s], [], s, noMetadata, vector));
                }
            }
        }

        return chunks;
    }

    internal static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    internal static double Percentile(List<double> values, double q)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 2);
    }
}
