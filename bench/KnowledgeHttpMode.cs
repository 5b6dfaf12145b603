using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Evaluation;
using Cluster.Grains.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Search;
using Cluster.Grains.Knowledge.Storage;

namespace Cluster.Bench;

/// <summary>
/// The knowledge API end to end over HTTP, through a gateway process keeping everything in a throw-away PostgreSQL:
/// ingestion of SciFact's corpus through the batch endpoint (documents/s and chunks/s, embedding included), nDCG@10
/// of keyword, vector and hybrid search over HTTP (the published BM25 figure beside), the time from a document's
/// completion to its first appearance in search, and search latency at 100,000 chunks in one knowledge base. The
/// large knowledge base is written straight into PostgreSQL, as ingestion would store it, from the ingested chunks'
/// real vectors plus Gaussian noise (σ = 0.02 per dimension), because embedding 100,000 chunks would take most of an
/// hour; its searches embed their queries for real.
/// Usage: <c>knowledge [--docs N] [--chunks N] [--queries N] [--data DIR]</c>.
/// </summary>
internal static class KnowledgeHttpMode
{
    private const int BatchSize = 100;
    private const int FreshnessRounds = 5;
    private const float Noise = 0.02f;

    public static async Task<int> RunAsync(string[] args)
    {
        var dataset = SciFactData.Load(args);
        var documents = Math.Min(BenchOptions.IntOption(args, "--docs", dataset.Corpus.Count), dataset.Corpus.Count);
        var target = BenchOptions.IntOption(args, "--chunks", 100_000);
        var measured = BenchOptions.IntOption(args, "--queries", 300);
        await using var postgres = await ThrowAwayPostgres.StartAsync();
        using var gateway = await GatewayProcess.StartAsync("--Cluster:Storage:Provider=PostgreSQL", $"--Cluster:Storage:ConnectionString={postgres.ConnectionString}");
        using var http = gateway.Client(await CreateTenantKeyAsync(gateway));
        var result = new Dictionary<string, object> { ["mode"] = "knowledge", ["dataset"] = "scifact-train", ["documents"] = documents };

        var (kb, model) = await CreateKnowledgeBaseAsync(http, "scifact");
        var ingest = Stopwatch.StartNew();
        for (var start = 0; start < documents; start += BatchSize)
        {
            var batch = new List<object>(BatchSize);
            for (var i = start; i < Math.Min(documents, start + BatchSize); i++)
            {
                var d = dataset.Corpus[i];
                batch.Add(new { title = d.Title.Length == 0 ? d.Id : d.Title, text = d.Text, externalId = d.Id });
            }
            await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/knowledge-bases/{kb}/documents/batch", new { documents = batch }));
        }
        var (completed, failed, chunks) = await WaitForIngestionAsync(http, kb);
        var seconds = ingest.Elapsed.TotalSeconds;
        result["ingested_documents"] = completed;
        result["failed_documents"] = failed;
        result["ingested_chunks"] = chunks;
        result["ingest_docs_per_s"] = Math.Round(completed / seconds, 1);
        result["ingest_chunks_per_s"] = Math.Round(chunks / seconds, 1);
        Console.WriteLine($"ingested {completed} documents ({chunks} chunks) in {seconds:F0} s");

        foreach (var mode in new[] { "keyword", "vector", "hybrid" })
            result[$"ndcg10_{mode}_http"] = Math.Round(await MeanNdcgAsync(http, kb, dataset, documents, mode), 4);
        result["published_bm25_ndcg10_scifact_test"] = SciFactData.PublishedBm25Ndcg10;

        var freshness = new List<double>(FreshnessRounds);
        for (var round = 0; round < FreshnessRounds; round++)
            freshness.Add(await CompletionToSearchMsAsync(http, kb));
        result["completion_to_search_median_ms"] = Math.Round(BenchResult.Median(freshness), 1);
        result["completion_to_search_max_ms"] = Math.Round(freshness.Max(), 1);

        var (large, _) = await CreateKnowledgeBaseAsync(http, "scale");
        await using (var store = await PostgresKnowledgeStore.CreateAsync(postgres.ConnectionString))
            result["large_chunks"] = await ReplicateAsync(store, kb, large, model, target);
        var warm = Stopwatch.StartNew();
        await SearchAsync(http, large, dataset.Queries[0].Text, "hybrid", 10);
        result["large_first_search_ms"] = Math.Round(warm.Elapsed.TotalMilliseconds);
        foreach (var mode in new[] { "hybrid", "keyword", "vector" })
        {
            var latencies = new List<double>(measured);
            for (var i = 0; i < measured; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await SearchAsync(http, large, dataset.Queries[(i + 1) % dataset.Queries.Count].Text, mode, 10);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            result[$"large_{mode}_p50_ms"] = KnowledgeSearchMode.Percentile(latencies, 0.50);
            result[$"large_{mode}_p99_ms"] = KnowledgeSearchMode.Percentile(latencies, 0.99);
        }
        result["large_queries"] = measured;
        result["load_average"] = KnowledgeQualityMode.LoadAverage();
        result["cores"] = Environment.ProcessorCount;
        return BenchResult.Print(result);
    }

    private static async Task<string> CreateTenantKeyAsync(GatewayProcess gateway)
    {
        using var admin = gateway.Client();
        var tenant = await ExpectAsync(await admin.PostAsJsonAsync("/api/v1/tenants", new { name = "bench", storageQuotaBytes = 100L << 30 }));
        return tenant["apiKey"]!.GetValue<string>();
    }

    private static async Task<(string Id, string Model)> CreateKnowledgeBaseAsync(HttpClient http, string name)
    {
        var kb = await ExpectAsync(await http.PostAsJsonAsync("/api/v1/knowledge-bases", new { name }));
        return (kb["id"]!.GetValue<string>(), kb["embeddingModel"]!.GetValue<string>());
    }

    /// <summary>Waits until no document is pending or processing; returns the completed and failed counts and the chunks stored.</summary>
    private static async Task<(int Completed, int Failed, long Chunks)> WaitForIngestionAsync(HttpClient http, string kb)
    {
        while (await CountAsync(http, kb, "pending", 1) > 0 || await CountAsync(http, kb, "processing", 1) > 0)
            await Task.Delay(200);
        long chunks = 0;
        var completed = 0;
        string? after = null;
        do
        {
            var page = await ExpectAsync(await http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents?status=completed&limit=1000{(after is null ? "" : "&after=" + after)}"));
            foreach (var d in page["documents"]!.AsArray())
            {
                completed++;
                chunks += d!["chunkCount"]!.GetValue<int>();
            }
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return (completed, await CountAsync(http, kb, "failed", 1000), chunks);
    }

    private static async Task<int> CountAsync(HttpClient http, string kb, string status, int limit) =>
        (await ExpectAsync(await http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents?status={status}&limit={limit}")))["documents"]!.AsArray().Count;

    /// <summary>
    /// Mean nDCG@10 over the queries with evidence among the first <paramref name="documents"/> abstracts, judged on those
    /// alone (all of them when the whole corpus is loaded); a document's rank is that of its best chunk.
    /// </summary>
    private static async Task<double> MeanNdcgAsync(HttpClient http, string kb, BeirDataset dataset, int documents, string mode)
    {
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents; i++)
            loaded.Add(dataset.Corpus[i].Id);
        double sum = 0;
        var judged = 0;
        foreach (var query in dataset.Queries)
        {
            if (!dataset.Judgements.TryGetValue(query.Id, out var judgements))
                continue;
            var relevance = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (id, grade) in judgements)
            {
                if (loaded.Contains(id))
                    relevance[id] = grade;
            }
            if (relevance.Count == 0)
                continue;
            var found = await SearchAsync(http, kb, query.Text, mode, 30);
            var ranked = new List<string>(10);
            foreach (var hit in found["results"]!.AsArray())
            {
                var id = hit!["externalId"]!.GetValue<string>();
                if (!ranked.Contains(id))
                    ranked.Add(id);
                if (ranked.Count == 10)
                    break;
            }
            sum += Ndcg.At(10, ranked, relevance);
            judged++;
        }
        return sum / judged;
    }

    /// <summary>Uploads a document with a word found nowhere else, then searches for it until it appears; the time from its stored completion to that appearance.</summary>
    private static async Task<double> CompletionToSearchMsAsync(HttpClient http, string kb)
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..12];
        var accepted = await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/knowledge-bases/{kb}/documents",
            new { title = "Freshness probe", text = $"The probe word {word} marks this document." }));
        var id = accepted["id"]!.GetValue<string>();
        DateTimeOffset found;
        while (true)
        {
            var results = (await SearchAsync(http, kb, word, "keyword", 1))["results"]!.AsArray();
            if (results.Count > 0)
            {
                found = DateTimeOffset.UtcNow;
                break;
            }
            await Task.Delay(5);
        }
        var document = await ExpectAsync(await http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents/{id}"));
        return (found - document["updatedAt"]!.GetValue<DateTimeOffset>()).TotalMilliseconds;
    }

    /// <summary>Stores copies of the source knowledge base's chunks (noisy vectors) in the target until it holds <paramref name="target"/>.</summary>
    private static async Task<int> ReplicateAsync(PostgresKnowledgeStore store, string sourceKb, string targetKb, string model, int target)
    {
        var source = new List<IndexedChunk>();
        await foreach (var chunk in store.ReadChunksAsync(sourceKb, model, null, CancellationToken.None))
            source.Add(chunk);
        var random = new Random(17);
        var written = 0;
        while (written < target)
        {
            var documents = new List<NewDocument>(10);
            var chunksByDocument = new List<ChunkRecord[]>(10);
            for (var d = 0; d < 10 && written < target; d++)
            {
                var count = Math.Min(100, target - written);
                var chunks = new ChunkRecord[count];
                for (var i = 0; i < count; i++)
                {
                    var original = source[(written + i) % source.Count];
                    chunks[i] = new ChunkRecord(i, original.Text, original.HeadingPath, original.ChunkId, true, Noisy(original.Vector, random));
                }
                written += count;
                documents.Add(new NewDocument(Guid.CreateVersion7().ToString("N"), targetKb, null, $"Replica {documents.Count}", Guid.NewGuid().ToString("N"),
                    0, null, null, SourceFormat.Text, null, [], new Dictionary<string, string>()));
                chunksByDocument.Add(chunks);
            }
            if (await store.AddDocumentsAsync(documents, CancellationToken.None) is not null)
                throw new InvalidOperationException("A replica document's random content hash collided.");
            for (var d = 0; d < documents.Count; d++)
            {
                await store.ClaimDocumentAsync(targetKb, documents[d].Id, TimeSpan.FromHours(1), CancellationToken.None);
                await store.CompleteDocumentAsync(targetKb, documents[d].Id,
                    new Dictionary<string, IReadOnlyList<ChunkRecord>> { [model] = chunksByDocument[d] }, CancellationToken.None);
            }
        }
        return written;
    }

    /// <summary>The vector plus noise; the index normalises what it is given.</summary>
    private static float[] Noisy(float[] vector, Random random)
    {
        var noisy = new float[vector.Length];
        for (var i = 0; i < noisy.Length; i++)
            noisy[i] = vector[i] + (Noise * KnowledgeSearchMode.Gaussian(random));
        return noisy;
    }

    private static async Task<JsonObject> SearchAsync(HttpClient http, string kb, string query, string mode, int topK) =>
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/knowledge-bases/{kb}/search", new { query, mode, topK }));

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
