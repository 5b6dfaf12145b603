using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.GrainInterfaces.Cluster;
using Cluster.Grains.ActorCore;
using Orleans;

namespace Cluster.Bench;

/// <summary>
/// Actor Core on a typical actor (10 subsystems, each with 20 contributions and 5 caps, over 30 dimensions):
/// single-core throughput and latency of <see cref="Aggregator.Resolve"/>; cached snapshot reads through Orleans
/// (one silo, many actors, concurrent callers); and snapshot reads over HTTP from this process against the
/// Release gateway started as a child process. Prints progress, then one JSON line.
/// </summary>
public static class ActorCoreMode
{
    private const int Subsystems = 10;
    private const int ContributionsPerSubsystem = 20;
    private const int CapsPerSubsystem = 5;
    private const int DimensionCount = 30;

    private const int RuntimeActors = 1_000;
    private const int RuntimeCallers = 64;
    private const int HttpActors = 200;
    private const int HttpConcurrency = 32;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RuntimeRound = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HttpRound = TimeSpan.FromSeconds(5);

    /// <summary><c>--engine-only</c> measures the engine alone and skips the Orleans and HTTP rounds.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var fields = MeasureEngine(Console.Out).ToJsonFields();
        if (Array.IndexOf(args, "--engine-only") >= 0)
        {
            fields["cores"] = Environment.ProcessorCount;
            return BenchResult.Print(fields);
        }

        fields["snapshot_reads_per_sec"] = Math.Round(await MeasureSnapshotReadsAsync(Console.Out));
        var http = await MeasureHttpSnapshotReadsAsync(Console.Out);
        fields["http_snapshot_reads_per_sec"] = Math.Round(http.ReadsPerSecond);
        fields["http_p50_ms"] = Math.Round(http.P50Ms, 3);
        fields["http_p99_ms"] = Math.Round(http.P99Ms, 3);
        fields["http_concurrency"] = HttpConcurrency;
        fields["cores"] = Environment.ProcessorCount;
        return BenchResult.Print(fields);
    }

    /// <summary>Engine-only figures; runtime and HTTP modes add their own fields next to <see cref="EngineFigures.ToJsonFields"/>.</summary>
    public static EngineFigures MeasureEngine(TextWriter progress)
    {
        var outputs = TypicalActor();
        var combiner = TypicalCombiner();
        var layers = CapLayerRegistry.Default;
        var snapshot = Aggregator.Resolve(outputs, combiner, layers);
        progress.WriteLine($"actor-core: typical actor resolves to {snapshot.Primary.Count} primary, {snapshot.Derived.Count} derived, {snapshot.CapsUsed.Count} capped dimensions");

        Loop(outputs, combiner, layers, 50_000);

        const int perRun = 200_000;
        var rates = new double[5];
        for (var run = 0; run < rates.Length; run++)
        {
            var start = Stopwatch.GetTimestamp();
            Loop(outputs, combiner, layers, perRun);
            rates[run] = perRun / Stopwatch.GetElapsedTime(start).TotalSeconds;
            progress.WriteLine($"actor-core: run {run + 1}/{rates.Length}: {rates[run]:N0} resolves/s");
        }

        const int samples = 200_000;
        var latencies = new long[samples];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Aggregator.Resolve(outputs, combiner, layers);
            latencies[i] = Stopwatch.GetTimestamp() - start;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)samples;
        Array.Sort(latencies);
        Array.Sort(rates);
        var figures = new EngineFigures(
            ResolvePerSec1Core: rates[rates.Length / 2],
            ResolveP50Us: Microseconds(latencies[samples / 2]),
            ResolveP99Us: Microseconds(latencies[samples * 99 / 100]),
            ResolveAllocatedBytes: allocated);
        progress.WriteLine($"actor-core: median {figures.ResolvePerSec1Core:N0} resolves/s, p50 {figures.ResolveP50Us:F2} µs, p99 {figures.ResolveP99Us:F2} µs, {figures.ResolveAllocatedBytes:N0} B allocated per resolve");
        return figures;
    }

    /// <summary>Cached snapshot reads through Orleans: many actors in one silo, many concurrent callers; median of three rounds.</summary>
    public static async Task<double> MeasureSnapshotReadsAsync(TextWriter progress)
    {
        await using var cluster = await BenchCluster.StartAsync([[]]);
        var actors = await StoreActorsAsync(cluster.Silos[0].GrainFactory, RuntimeActors, progress);
        Func<int, Task> read = i => actors[i].GetSnapshotAsync();
        await CallLoad.RunAsync(actors.Length, read, RuntimeCallers, WarmUp, new LatencyHistogram());
        var rates = new List<double>();
        for (var round = 1; round <= 3; round++)
        {
            rates.Add(await CallLoad.RunAsync(actors.Length, read, RuntimeCallers, RuntimeRound, new LatencyHistogram()));
            progress.WriteLine($"actor-core: Orleans round {round}/3: {rates[^1]:N0} snapshot reads/s ({RuntimeCallers} callers, {RuntimeActors} actors)");
        }

        return BenchResult.Median(rates);
    }

    /// <summary>Creates <paramref name="count"/> typical actors (a profile and every subsystem's output) through grain calls.</summary>
    public static async Task<IActorGrain[]> StoreActorsAsync(IGrainFactory factory, int count, TextWriter progress)
    {
        var actors = new IActorGrain[count];
        for (var i = 0; i < actors.Length; i++)
        {
            actors[i] = factory.GetGrain<IActorGrain>(ActorId(i));
        }

        var outputs = TypicalActor();
        var started = Stopwatch.GetTimestamp();
        await ForEachConcurrently(actors.Length, 16, async i =>
        {
            await actors[i].PutAsync(Profile(i));
            foreach (var output in outputs)
            {
                await actors[i].PutSubsystemAsync(output.Meta.System, output);
            }
        });
        progress.WriteLine($"actor-core: stored {count} actors with {outputs.Length} subsystems each through Orleans in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return actors;
    }

    /// <summary>
    /// GET /actors/{id}/snapshot from this process at a fixed concurrency against the Release gateway (embedded silo)
    /// running as a child process on a free loopback port; the child is killed at the end.
    /// </summary>
    public static async Task<HttpFigures> MeasureHttpSnapshotReadsAsync(TextWriter progress)
    {
        using var gateway = await GatewayProcess.StartAsync();
        using var http = gateway.Client(maxConnections: HttpConcurrency);
        await StoreActorsOverHttpAsync(http, HttpActors, progress);

        var urls = new string[HttpActors];
        for (var i = 0; i < urls.Length; i++)
        {
            urls[i] = $"/api/v1/actors/{ActorId(i)}/snapshot";
        }

        await HttpRoundAsync(http, urls, WarmUp);
        var (reads, latencies, seconds) = await HttpRoundAsync(http, urls, HttpRound);
        latencies.Sort();
        var figures = new HttpFigures(reads / seconds, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
        progress.WriteLine($"actor-core: HTTP {figures.ReadsPerSecond:N0} snapshot reads/s at concurrency {HttpConcurrency}, p50 {figures.P50Ms:F2} ms, p99 {figures.P99Ms:F2} ms");
        return figures;
    }

    /// <summary>Creates <paramref name="count"/> typical actors (a profile and every subsystem's output) through the gateway.</summary>
    public static async Task StoreActorsOverHttpAsync(HttpClient http, int count, TextWriter progress)
    {
        var subsystems = TypicalActor().Select(o => (o.Meta.System, Json: JsonSerializer.Serialize(o, ActorCoreJson.Options))).ToArray();
        var started = Stopwatch.GetTimestamp();
        await ForEachConcurrently(count, 8, async i =>
        {
            var profile = Profile(i);
            await SendAsync(http, HttpMethod.Put, $"/api/v1/actors/{ActorId(i)}", JsonSerializer.Serialize(new { profile.Name, profile.Race, profile.Lifespan, profile.Age }, JsonSerializerOptions.Web));
            foreach (var (system, json) in subsystems)
            {
                await SendAsync(http, HttpMethod.Put, $"/api/v1/actors/{ActorId(i)}/subsystems/{system}", json);
            }
        });
        progress.WriteLine($"actor-core: stored {count} actors with {subsystems.Length} subsystems each over HTTP in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    private static async Task<(long Reads, List<double> LatenciesMs, double Seconds)> HttpRoundAsync(HttpClient http, string[] urls, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var stop = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<List<double>>[HttpConcurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = GetUntilAsync(http, urls, w, stop);
        }

        var latencies = new List<double>();
        foreach (var worker in await Task.WhenAll(workers))
        {
            latencies.AddRange(worker);
        }

        return (latencies.Count, latencies, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<List<double>> GetUntilAsync(HttpClient http, string[] urls, int worker, long stop)
    {
        await Task.Yield();
        var latencies = new List<double>(4096);
        var next = worker;
        while (Stopwatch.GetTimestamp() < stop)
        {
            var sent = Stopwatch.GetTimestamp();
            using (var response = await http.GetAsync(urls[next]))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {urls[next]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                await response.Content.ReadAsByteArrayAsync();
            }

            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            next = (next + HttpConcurrency + 1) % urls.Length;
        }

        return latencies;
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task ForEachConcurrently(int count, int parallelism, Func<int, Task> body)
    {
        var next = -1;
        var workers = new Task[parallelism];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    await body(i);
                }
            });
        }

        await Task.WhenAll(workers);
    }

    public const string ActorIdPrefix = "bench-actor-";

    public static string ActorId(int i) => $"{ActorIdPrefix}{i}";

    private static ActorProfile Profile(int i) => new() { Name = $"Actor {i}", Race = "human", Lifespan = 80, Age = 16 + (i % 60) };

    private static void Loop(IReadOnlyList<SubsystemOutput> outputs, CombinerRegistry combiner, CapLayerRegistry layers, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Aggregator.Resolve(outputs, combiner, layers);
        }
    }

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>The nine dimensions of registry.example.yml (the built-in registry); the other 21 dimensions of the typical actor use the fallback rule.</summary>
    public static CombinerRegistry TypicalCombiner() => BuiltInRegistry.Combiner;

    /// <summary>
    /// The typical actor, also for the runtime mode and HTTP: subsystem i touches a sliding window of the 30 dimensions,
    /// so each dimension gets several contributions in mixed buckets, priorities and cap layers.
    /// </summary>
    public static SubsystemOutput[] TypicalActor()
    {
        var dimensions = Enumerable.Range(0, DimensionCount).Select(DimensionAt).ToArray();
        var buckets = new[] { Bucket.Flat, Bucket.Flat, Bucket.Mult, Bucket.Flat, Bucket.PostAdd, Bucket.Mult, Bucket.Flat, Bucket.Flat, Bucket.PostAdd, Bucket.Override };
        var modes = new[] { CapMode.Baseline, CapMode.Additive, CapMode.HardMax, CapMode.HardMin, CapMode.Override };
        var outputs = new SubsystemOutput[Subsystems];
        for (var s = 0; s < Subsystems; s++)
        {
            var system = $"system_{s:D2}";
            var contributions = new List<Contribution>();
            for (var j = 0; j < ContributionsPerSubsystem; j++)
            {
                var bucket = buckets[(s + j) % buckets.Length];
                contributions.Add(new Contribution
                {
                    Dimension = dimensions[((s * 7) + j) % DimensionCount],
                    Bucket = bucket,
                    Value = bucket == Bucket.Mult ? 0.05 * ((j % 4) + 1) : 10.5 * (j + 1),
                    System = system,
                    Priority = j % 3,
                });
            }

            var caps = new List<CapContribution>();
            for (var j = 0; j < CapsPerSubsystem; j++)
            {
                var mode = modes[(s + j) % modes.Length];
                var scope = CapLayerRegistry.Default.Order[(s + j) % CapLayerRegistry.Default.Order.Count];
                caps.Add(new CapContribution
                {
                    Dimension = dimensions[((s * 3) + (j * 6)) % DimensionCount],
                    Mode = mode,
                    Kind = mode == CapMode.HardMin || j == 4 ? CapKind.Min : CapKind.Max,
                    Value = mode == CapMode.HardMin ? 5 : 5_000 + (100 * j),
                    Scope = scope,
                    Realm = scope == CapLayers.Realm ? "kim_dan:T2" : null,
                    System = system,
                    Priority = j % 2,
                });
            }

            outputs[s] = new SubsystemOutput
            {
                Primary = contributions.Take(14).ToList(),
                Derived = contributions.Skip(14).ToList(),
                Caps = caps,
                Meta = new SubsystemMeta { System = system },
            };
        }

        return outputs;
    }

    private static string DimensionAt(int i) => i < KnownDimensions.Length ? KnownDimensions[i] : $"stat_{i:D2}";

    private static readonly string[] KnownDimensions =
        ["strength", "intelligence", "spirit", "magic_power", "mp_max", "crit_rate", "cooldown_reduction", "move_speed", "lifespan_years"];

    /// <summary>What the engine measured; <see cref="ToJsonFields"/> gives the names the bench JSON line uses.</summary>
    public sealed record EngineFigures(double ResolvePerSec1Core, double ResolveP50Us, double ResolveP99Us, double ResolveAllocatedBytes)
    {
        public Dictionary<string, object> ToJsonFields() => new()
        {
            ["resolve_per_sec_1core"] = Math.Round(ResolvePerSec1Core),
            ["resolve_p50_us"] = Math.Round(ResolveP50Us, 3),
            ["resolve_p99_us"] = Math.Round(ResolveP99Us, 3),
            ["resolve_alloc_bytes"] = Math.Round(ResolveAllocatedBytes),
        };
    }

    /// <summary>What the HTTP load generator measured.</summary>
    public sealed record HttpFigures(double ReadsPerSecond, double P50Ms, double P99Ms);
}
