using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cluster.Grains.ActorCore;

namespace Cluster.Bench;

/// <summary>
/// The gateway under an outside load generator, as game clients meet it: wrk (installed when missing) reads the
/// snapshots of 1,000 typical actors over 64 connections from the Release gateway with its embedded silo, in three
/// rounds (median). Then the request path is costed in the gateway's own CPU time per request (its process CPU time
/// over a wrk run divided by the requests served), on endpoints that stop after each step: <c>/healthz</c> (Kestrel,
/// routing, a small JSON body), <c>/readyz</c> (the same plus one grain call) and the snapshot read (the API-key
/// filter, a route value, the snapshot grain call and its JSON). Serialising one snapshot is also timed in this process.
/// </summary>
internal static class HttpMode
{
    private const string Key = "bench-http-key";
    private const int Actors = 1_000;
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var wrk = Wrk.Locate();
        using var gateway = await GatewayProcess.StartAsync($"--Cluster:ApiKeys:0={Key}");
        using (var http = gateway.Client(Key, maxConnections: 16))
            await ActorCoreMode.StoreActorsOverHttpAsync(http, Actors, Console.Out);
        Console.WriteLine($"http: {Environment.ProcessorCount} cores, wrk with {threads} thread(s) and {connections} connections, {seconds} s runs, gateway at {gateway.Address}");

        var script = Path.Combine(Path.GetTempPath(), $"cluster-bench-http-{Environment.ProcessId}.lua");
        File.WriteAllText(script, SnapshotScript());
        try
        {
            var snapshot = new WrkTarget("snapshot", gateway.Address + "api/v1/actors/", script);
            var health = new WrkTarget("healthz", gateway.Address + "healthz", null);
            var ready = new WrkTarget("readyz", gateway.Address + "readyz", null);
            await wrk.RunAsync(snapshot, connections, seconds, threads, gateway);

            var rates = new List<double>();
            var p50s = new List<double>();
            var p99s = new List<double>();
            var cpus = new List<double>();
            var errors = 0L;
            for (var round = 0; round < Rounds; round++)
            {
                var run = await wrk.RunAsync(snapshot, connections, seconds, threads, gateway);
                rates.Add(run.RequestsPerSecond);
                p50s.Add(run.P50Ms);
                p99s.Add(run.P99Ms);
                cpus.Add(run.GatewayCpuMicrosPerRequest);
                errors += run.Errors;
            }

            var healthRun = await wrk.RunAsync(health, connections, seconds, threads, gateway);
            var readyRun = await wrk.RunAsync(ready, connections, seconds, threads, gateway);
            var (serialiseMicros, jsonBytes) = SnapshotSerialisation();
            var snapshotCpu = BenchResult.Median(cpus);
            Console.WriteLine($"http: gateway CPU per request: healthz {healthRun.GatewayCpuMicrosPerRequest:F1} µs, readyz {readyRun.GatewayCpuMicrosPerRequest:F1} µs, snapshot {snapshotCpu:F1} µs; one snapshot's JSON {serialiseMicros:F2} µs");

            return BenchResult.Print(new Dictionary<string, object>
            {
                ["mode"] = "http",
                ["cores"] = Environment.ProcessorCount,
                ["actors"] = Actors,
                ["connections"] = connections,
                ["wrk_threads"] = threads,
                ["seconds_per_round"] = seconds,
                ["snapshot_reads_per_sec"] = Math.Round(BenchResult.Median(rates)),
                ["snapshot_p50_ms"] = Math.Round(BenchResult.Median(p50s), 3),
                ["snapshot_p99_ms"] = Math.Round(BenchResult.Median(p99s), 3),
                ["snapshot_errors"] = errors,
                ["rounds_reads_per_sec"] = rates.ConvertAll(r => Math.Round(r)),
                ["gateway_cpu_us_per_snapshot"] = Math.Round(snapshotCpu, 1),
                ["gateway_cpu_us_per_healthz"] = Math.Round(healthRun.GatewayCpuMicrosPerRequest, 1),
                ["gateway_cpu_us_per_readyz"] = Math.Round(readyRun.GatewayCpuMicrosPerRequest, 1),
                ["healthz_per_sec"] = Math.Round(healthRun.RequestsPerSecond),
                ["readyz_per_sec"] = Math.Round(readyRun.RequestsPerSecond),
                ["snapshot_json_us"] = Math.Round(serialiseMicros, 2),
                ["snapshot_json_bytes"] = jsonBytes,
            });
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>wrk's Lua: the X-API-Key header, and each request the next of the 1,000 actors' snapshots.</summary>
    private static string SnapshotScript() => $$"""
        wrk.headers["X-API-Key"] = "{{Key}}"
        local next = 0
        request = function()
          next = (next + 1) % {{Actors}}
          return wrk.format(nil, wrk.path .. "{{ActorCoreMode.ActorIdPrefix}}" .. next .. "/snapshot")
        end
        """;

    /// <summary>Median time to serialise one typical actor's snapshot with the gateway's JSON options (web defaults), and its size.</summary>
    private static (double Micros, long Bytes) SnapshotSerialisation()
    {
        var snapshot = Aggregator.Resolve(ActorCoreMode.TypicalActor(), ActorCoreMode.TypicalCombiner(), CapLayerRegistry.Default);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        var buffer = new MemoryStream();
        const int perRun = 20_000;
        var runs = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < perRun; i++)
            {
                buffer.Position = 0;
                JsonSerializer.Serialize(buffer, snapshot, options);
            }
            if (run > 0)
                runs.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / perRun);
        }

        return (BenchResult.Median(runs), buffer.Position);
    }
}
