using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.Grains.Chat.Routing;
using Cluster.Grains.Knowledge.Evaluation;
using Cluster.Tests.ScriptedOpenAi;
using Microsoft.Extensions.AI;

namespace Cluster.Bench;

/// <summary>
/// Chat, measured three ways against a scripted OpenAI-compatible backend: a real HTTP server in this process that streams
/// canned tokens (so backend time is HTTP and nothing else).
/// 1. Router overhead: the same streaming request sent through the <see cref="LlmRouter"/> and straight through the
///    backend's Microsoft.Extensions.AI client, interleaved in one run; p50/p99 of each and their difference.
/// 2. Through a Release gateway process (embedded default) answering with that backend over a knowledge base of
///    SciFact documents: time to the response headers, to the references event and to done, asked one at a time.
/// 3. Concurrent streams held by that gateway: every session asks at once; the backend stamps each token with its
///    sending time, so the delay of every delta event from backend to client is measured end to end.
/// </summary>
internal static class ChatMode
{
    private const int RouterWarmup = 300;
    private const int RouterRequests = 2_000;
    private const int Documents = 100;
    private const int SequentialAsks = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var streams = BenchOptions.IntOption(args, "--streams", 1_000);
        var tokens = BenchOptions.IntOption(args, "--tokens", 40);
        var tokenDelayMs = BenchOptions.IntOption(args, "--token-delay-ms", 100);
        var result = new Dictionary<string, object>
        {
            ["mode"] = "chat",
            ["cores"] = Environment.ProcessorCount,
            ["backend"] = "scripted OpenAI-compatible HTTP server in the bench process (real HTTP, canned tokens)",
        };

        await using var backend = await ScriptedOpenAiServer.StartAsync("scripted");
        await RouterOverheadAsync(backend, result);

        using var gateway = await GatewayProcess.StartAsync(
            "--Chat:Answerer=llm",
            "--Llm:Backends:0:Name=scripted",
            "--Llm:Backends:0:Kind=openai",
            $"--Llm:Backends:0:Endpoint={backend.Endpoint}",
            "--Llm:Backends:0:Model=scripted",
            $"--Llm:Backends:0:MaxConcurrency={streams * 2}",
            "--Llm:Backends:0:Timeout=00:10:00",
            "--Llm:Backends:0:FirstTokenTimeout=00:05:00");
        using var admin = gateway.Client();
        var tenant = await ExpectAsync(await admin.PostAsJsonAsync("/api/v1/tenants", new { name = "bench-chat", storageQuotaBytes = 1L << 30 }));
        using var http = gateway.Client(tenant["apiKey"]!.GetValue<string>(), maxConnections: streams + 100);
        var dataset = SciFactData.Load(args);
        var kb = await LoadKnowledgeBaseAsync(http, dataset);

        backend.Tokens = 8;
        await SequentialAsksAsync(http, kb, dataset, result);

        backend.Tokens = tokens;
        backend.TokenDelay = TimeSpan.FromMilliseconds(tokenDelayMs);
        backend.StampTokens = true;
        await ConcurrentStreamsAsync(http, kb, streams, result);
        result["stream_tokens"] = tokens;
        result["stream_token_interval_ms"] = tokenDelayMs;
        result["load_average"] = KnowledgeQualityMode.LoadAverage();
        return BenchResult.Print(result);
    }

    private static async Task RouterOverheadAsync(ScriptedOpenAiServer backend, Dictionary<string, object> result)
    {
        var options = new LlmOptions
        {
            Backends = [new LlmBackendOptions { Name = "scripted", Kind = "openai", Endpoint = backend.Endpoint, Model = "scripted", MaxConcurrency = 64 }],
        };
        using var router = new LlmRouter(options, TimeProvider.System);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var direct = LlmClients.Create(options.Backends[0], http);
        List<ChatMessage> messages = [new(ChatRole.User, "How many days of leave do new employees get?")];

        var directMs = new List<double>(RouterRequests);
        var routedMs = new List<double>(RouterRequests);
        for (var i = 0; i < RouterWarmup + RouterRequests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await foreach (var _ in direct.GetStreamingResponseAsync(messages))
            {
            }

            var directElapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            await using (var stream = await router.OpenAsync(messages, CancellationToken.None))
            {
                await foreach (var _ in stream.ReadTextAsync())
                {
                }
            }

            var routedElapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < RouterWarmup)
                continue;
            directMs.Add(directElapsed);
            routedMs.Add(routedElapsed);
        }

        var (directP50, directP99) = (Percentile(directMs, 0.50), Percentile(directMs, 0.99));
        var (routedP50, routedP99) = (Percentile(routedMs, 0.50), Percentile(routedMs, 0.99));
        Console.WriteLine($"chat: router {RouterRequests} requests of {backend.Tokens} tokens: direct p50 {directP50:F3} ms p99 {directP99:F3} ms; routed p50 {routedP50:F3} ms p99 {routedP99:F3} ms");
        result["router_requests"] = RouterRequests;
        result["direct_p50_ms"] = Math.Round(directP50, 3);
        result["direct_p99_ms"] = Math.Round(directP99, 3);
        result["routed_p50_ms"] = Math.Round(routedP50, 3);
        result["routed_p99_ms"] = Math.Round(routedP99, 3);
        result["router_overhead_p50_us"] = Math.Round((routedP50 - directP50) * 1000, 1);
        result["router_overhead_p99_us"] = Math.Round((routedP99 - directP99) * 1000, 1);
    }

    private static async Task<string> LoadKnowledgeBaseAsync(HttpClient http, BeirDataset dataset)
    {
        var kb = (await ExpectAsync(await http.PostAsJsonAsync("/api/v1/knowledge-bases", new { name = "bench-chat" })))["id"]!.GetValue<string>();
        var documents = dataset.Corpus.Take(Documents).ToList();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (document, _) =>
            await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/knowledge-bases/{kb}/documents", new { title = document.Title, text = document.Text })));
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while ((await ExpectAsync(await http.GetAsync($"/api/v1/knowledge-bases/{kb}")))["version"]!.GetValue<long>() < documents.Count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the bench documents were not ingested within 10 minutes");
            await Task.Delay(200);
        }

        Console.WriteLine($"chat: knowledge base {kb} holds {documents.Count} SciFact documents");
        return kb;
    }

    private static async Task SequentialAsksAsync(HttpClient http, string kb, BeirDataset dataset, Dictionary<string, object> result)
    {
        var headers = new List<double>();
        var references = new List<double>();
        var done = new List<double>();
        for (var i = 0; i < SequentialAsks + 10; i++)
        {
            var session = await CreateSessionAsync(http, kb);
            var question = dataset.Queries[i % dataset.Queries.Count].Text;
            var started = Stopwatch.GetTimestamp();
            using var response = await AskAsync(http, session, question);
            var headersMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            double? referencesMs = null;
            await foreach (var (type, _) in EventsAsync(response))
            {
                referencesMs ??= type == "references" ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : throw new InvalidOperationException($"the first event was {type}");
            }

            if (i < 10)
                continue;
            headers.Add(headersMs);
            references.Add(referencesMs!.Value);
            done.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine($"chat: {SequentialAsks} asks one at a time: headers p50 {Percentile(headers, 0.5):F2} ms, references p50 {Percentile(references, 0.5):F2} ms, done p50 {Percentile(done, 0.5):F2} ms");
        result["asks"] = SequentialAsks;
        result["first_byte_p50_ms"] = Math.Round(Percentile(headers, 0.50), 2);
        result["first_byte_p99_ms"] = Math.Round(Percentile(headers, 0.99), 2);
        result["references_p50_ms"] = Math.Round(Percentile(references, 0.50), 2);
        result["references_p99_ms"] = Math.Round(Percentile(references, 0.99), 2);
        result["done_p50_ms"] = Math.Round(Percentile(done, 0.50), 2);
        result["done_p99_ms"] = Math.Round(Percentile(done, 0.99), 2);
    }

    private static async Task ConcurrentStreamsAsync(HttpClient http, string kb, int streams, Dictionary<string, object> result)
    {
        var sessions = new string[streams];
        await Parallel.ForAsync(0, streams, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => sessions[i] = await CreateSessionAsync(http, kb));

        var open = 0;
        var peak = 0;
        var failures = 0;
        var delays = new List<double>[streams];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async i =>
        {
            var mine = delays[i] = new List<double>(64);
            try
            {
                using var response = await AskAsync(http, sessions[i], "What do the documents say about cancer?");
                var now = Interlocked.Increment(ref open);
                InterlockedMax(ref peak, now);
                await foreach (var (type, data) in EventsAsync(response))
                {
                    if (type == "delta")
                        mine.Add(StampDelayMs(data));
                    else if (type == "error")
                        Interlocked.Increment(ref failures);
                }

                Interlocked.Decrement(ref open);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures);
            }
        }));
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = delays.SelectMany(d => d).ToList();
        Console.WriteLine($"chat: {streams} concurrent streams (peak {peak} open), {all.Count} delta events in {wall:F1} s: delay p50 {Percentile(all, 0.5):F2} ms p99 {Percentile(all, 0.99):F2} ms, {failures} failed");
        result["streams"] = streams;
        result["streams_peak_open"] = peak;
        result["streams_failed"] = failures;
        result["stream_events"] = all.Count;
        result["stream_wall_s"] = Math.Round(wall, 2);
        result["event_delay_p50_ms"] = Math.Round(Percentile(all, 0.50), 2);
        result["event_delay_p99_ms"] = Math.Round(Percentile(all, 0.99), 2);
        result["event_delay_max_ms"] = Math.Round(all.Count == 0 ? 0 : all.Max(), 2);
    }

    /// <summary>A delta's text is one stamped token, "name-i@stamp ": the time from its sending by the backend to now.</summary>
    private static double StampDelayMs(string data)
    {
        var text = JsonDocument.Parse(data).RootElement.GetProperty("text").GetString()!;
        var stamp = long.Parse(text.AsSpan(text.IndexOf('@') + 1).Trim(), CultureInfo.InvariantCulture);
        return Stopwatch.GetElapsedTime(stamp).TotalMilliseconds;
    }

    private static async Task<string> CreateSessionAsync(HttpClient http, string kb) =>
        (await ExpectAsync(await http.PostAsync($"/api/v1/knowledge-bases/{kb}/sessions", null)))["id"]!.GetValue<string>();

    private static async Task<HttpResponseMessage> AskAsync(HttpClient http, string session, string question)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages") { Content = JsonContent.Create(new { question, stream = true }) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {request.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The (event, data) pairs of a text/event-stream response, as they arrive.</summary>
    private static async IAsyncEnumerable<(string Type, string Data)> EventsAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? type = null;
        string? data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && type is not null)
            {
                yield return (type, data ?? "");
                (type, data) = (null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line[6..];
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
            current = seen;
    }

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
