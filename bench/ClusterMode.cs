using System.Globalization;
using Cluster.Runtime;
using Cluster.Runtime.Telemetry;
using Cluster.Runtime.Testing;

namespace Cluster.Bench;

/// <summary>
/// Two silos over real loopback TCP: calls from silo 1 to grains whose home is silo 2, with a fixed number of calls
/// in flight, and in the same run a raw TCP echo with the same message size and the same number in flight. The
/// ratio says what the runtime costs over bare sockets. Rounds alternate and medians are reported.
/// </summary>
internal static class ClusterMode
{
    // A PingAsync request frame: header, grain type, key, method key and a one-number argument array.
    private const int MessageBytes = 96;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var inFlight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        await using var cluster = await TestCluster.StartAsync(o => o.Silos = 2);
        var remote = RemoteGrains(cluster, 1_000);
        Console.WriteLine($"{remote.Length} grains homed on the second silo");

        await CallLoad.RunAsync(remote, inFlight, TimeSpan.FromSeconds(1), new LatencyHistogram());
        await TcpEchoBaseline.RunAsync(MessageBytes, inFlight, TimeSpan.FromSeconds(1));
        var calls = new List<double>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        var echoes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var histogram = new LatencyHistogram();
            var rate = await CallLoad.RunAsync(remote, inFlight, TimeSpan.FromSeconds(seconds), histogram);
            var echo = await TcpEchoBaseline.RunAsync(MessageBytes, inFlight, TimeSpan.FromSeconds(seconds));
            calls.Add(rate);
            p50.Add(histogram.PercentileMicros(0.5));
            p99.Add(histogram.PercentileMicros(0.99));
            echoes.Add(echo.RequestsPerSecond);
            Console.WriteLine($"round {round}: cross-silo {rate:F0} calls/s (p50 {histogram.PercentileMicros(0.5):F0} µs, p99 {histogram.PercentileMicros(0.99):F0} µs); raw echo {echo.RequestsPerSecond:F0}/s");
        }
        var ratios = calls.Zip(echoes, (c, e) => c / e).ToList();
        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "cluster",
            ["cores"] = Environment.ProcessorCount,
            ["in_flight"] = inFlight,
            ["message_bytes"] = MessageBytes,
            ["cross_silo_calls_per_sec"] = Math.Round(BenchResult.Median(calls)),
            ["cross_silo_p50_us"] = Math.Round(BenchResult.Median(p50), 1),
            ["cross_silo_p99_us"] = Math.Round(BenchResult.Median(p99), 1),
            ["raw_tcp_echo_per_sec"] = Math.Round(BenchResult.Median(echoes)),
            ["ratio"] = Math.Round(BenchResult.Median(ratios), 3),
        });
    }

    /// <summary>References, held by the first silo, to grains that live on the second.</summary>
    private static IPingGrain[] RemoteGrains(TestCluster cluster, int count)
    {
        var remote = new List<IPingGrain>(count);
        for (var key = 0L; remote.Count < count; key++)
        {
            var grain = cluster.Silos[0].GrainFactory.GetGrain<IPingGrain>(key);
            grain.PingAsync(0).GetAwaiter().GetResult();
            if (cluster.Silos[1].HasActivation(new GrainId("PingGrain", GrainKey.Of(key))))
                remote.Add(grain);
        }
        return [.. remote];
    }
}
