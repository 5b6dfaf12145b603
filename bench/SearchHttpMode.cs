using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cluster.GrainInterfaces.Cluster;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;

namespace Cluster.Bench;

/// <summary>
/// The game-AI endpoints under load, against the Release gateway started as a child process (embedded silo):
/// small Connect Four searches (1,000 UCT iterations) and default agent plans from concurrent clients, feedback posts,
/// and the iterations per second of one large root-parallel search over HTTP next to the engine's in-process figure.
/// Throughputs are the median of three rounds.
/// </summary>
internal static class SearchHttpMode
{
    private const string Key = "bench-key";
    private const int Rounds = 3;
    private const int LargeIterations = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var cores = Environment.ProcessorCount;
        var concurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2 * cores;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        using var gateway = await GatewayProcess.StartAsync($"--Cluster:ApiKeys:0={Key}");
        using var http = gateway.Client(Key);
        Console.WriteLine($"search-http: {cores} cores, {concurrency} clients, gateway at {gateway.Address}");

        const string search = """{"game":"connect4","position":"4433","iterations":1000}""";
        const string plan = """{"taskType":"bench","agents":["a","b","c"]}""";
        await Load(http, "/api/v1/mcts/search", _ => search, concurrency, 1, "warm-up");
        var (searchRate, p50, p99) = await Rounds3(http, "/api/v1/mcts/search", _ => search, concurrency, seconds, "search");
        var (planRate, _, _) = await Rounds3(http, "/api/v1/agents/plan", _ => plan, concurrency, seconds, "plan");
        var (feedbackRate, _, _) = await Rounds3(
            http, "/api/v1/agents/feedback", n => $$"""{"taskType":"bench","agent":"{{"abc"[(int)(n % 3)]}}","success":{{(n % 4 != 0 ? "true" : "false")}},"latencyMs":{{n % 1000}}}""", concurrency, seconds, "feedback");

        var large = new GameSearchRequest("connect4", "", Iterations: LargeIterations, Workers: cores, Seed: 1);
        var largeJson = $$"""{"game":"connect4","position":"","iterations":{{LargeIterations}},"workers":{{cores}},"seed":1}""";
        var httpRates = new List<double>();
        var engineRates = new List<double>();
        GameSearch.Run(large with { Iterations = LargeIterations / 10 });
        await Post(http, "/api/v1/mcts/search", largeJson);
        for (var round = 0; round < Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await Post(http, "/api/v1/mcts/search", largeJson);
            httpRates.Add(LargeIterations / Stopwatch.GetElapsedTime(started).TotalSeconds);
            started = Stopwatch.GetTimestamp();
            GameSearch.Run(large);
            engineRates.Add(LargeIterations / Stopwatch.GetElapsedTime(started).TotalSeconds);
            Console.WriteLine($"large search round {round}: {httpRates[^1]:N0} iterations/s over HTTP, {engineRates[^1]:N0} in-process");
        }

        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "search-http",
            ["cores"] = cores,
            ["concurrency"] = concurrency,
            ["search_http_per_sec"] = Math.Round(searchRate, 1),
            ["search_http_p50_ms"] = Math.Round(p50, 2),
            ["search_http_p99_ms"] = Math.Round(p99, 2),
            ["plan_http_per_sec"] = Math.Round(planRate, 1),
            ["feedback_http_per_sec"] = Math.Round(feedbackRate, 1),
            ["large_search_http_iters_per_sec"] = Math.Round(BenchResult.Median(httpRates)),
            ["large_search_engine_iters_per_sec"] = Math.Round(BenchResult.Median(engineRates)),
        });
    }

    private static async Task<(double Rate, double P50Ms, double P99Ms)> Rounds3(
        HttpClient http, string path, Func<long, string> body, int concurrency, double seconds, string name)
    {
        var rates = new List<double>();
        var p50s = new List<double>();
        var p99s = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var (rate, histogram) = await Load(http, path, body, concurrency, seconds, name);
            rates.Add(rate);
            p50s.Add(histogram.PercentileMicros(0.50) / 1000);
            p99s.Add(histogram.PercentileMicros(0.99) / 1000);
        }

        return (BenchResult.Median(rates), BenchResult.Median(p50s), BenchResult.Median(p99s));
    }

    private static async Task<(double Rate, LatencyHistogram Histogram)> Load(
        HttpClient http, string path, Func<long, string> body, int concurrency, double seconds, string name)
    {
        var histogram = new LatencyHistogram();
        var stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long sent = 0;
        var started = Stopwatch.GetTimestamp();
        var clients = new Task[concurrency];
        for (var c = 0; c < concurrency; c++)
        {
            clients[c] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < stop)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await Post(http, path, body(Interlocked.Increment(ref sent)));
                    histogram.Record(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                }
            });
        }

        await Task.WhenAll(clients);
        var rate = Interlocked.Read(ref sent) / Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"{name}: {rate:F1} requests/s, p50 {histogram.PercentileMicros(0.5) / 1000:F2} ms, p99 {histogram.PercentileMicros(0.99) / 1000:F2} ms");
        return (rate, histogram);
    }

    private static async Task Post(HttpClient http, string path, string json)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
