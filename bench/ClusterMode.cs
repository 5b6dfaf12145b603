using System.Globalization;
using Cluster.Bench.Grains;
using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Bench;

/// <summary>
/// Two Orleans silos over real loopback TCP: calls from silo 1 to grains that can only live on silo 2 (it alone has
/// the <see cref="BenchRoles.Remote"/> role), with a fixed number of calls in flight, and in the same run a raw TCP
/// echo with the same number in flight and messages of the size Orleans sent for those calls. The ratio says what
/// Orleans costs over bare sockets. Rounds alternate and medians are reported.
/// Arguments: [seconds=3] [inFlight=256] [rounds=3].
/// </summary>
internal static class ClusterMode
{
    private const int Grains = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var inFlight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var duration = TimeSpan.FromSeconds(seconds);
        await using var cluster = await BenchCluster.StartAsync([[], [BenchRoles.Remote]]);
        var remote = RemoteGrains.Of(cluster, Grains);
        Func<int, Task> ping = i => remote[i].PingAsync(i);

        int messageBytes;
        using (var size = new OrleansMessageSize())
        {
            await CallLoad.RunAsync(Grains, ping, inFlight, TimeSpan.FromSeconds(1), new LatencyHistogram());
            messageBytes = (int)Math.Round(size.MeanBytes);
        }
        await RemoteGrains.RequireOnlyOnAsync(cluster, cluster.Silos[1]);
        Console.WriteLine($"{Grains} grains live on {cluster.Silos[1].Name}; Orleans sent {messageBytes} bytes per message");

        var payloadBytes = Math.Max(0, messageBytes - EchoWorkload.HeaderBytes - EchoWorkload.IdBytes);
        await TcpEchoBaseline.RunAsync(payloadBytes, inFlight, TimeSpan.FromSeconds(1));
        var calls = new RoundFigures();
        var echoes = new List<double>();
        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var rate = await calls.MeasureAsync(Grains, ping, inFlight, duration);
            var echo = await TcpEchoBaseline.RunAsync(payloadBytes, inFlight, duration);
            echoes.Add(echo.RequestsPerSecond);
            ratios.Add(rate / echo.RequestsPerSecond);
            Console.WriteLine($"round {round}: cross-silo {calls.Describe()}; raw echo {echo.RequestsPerSecond:F0}/s (p50 {echo.P50Micros:F0} µs, p99 {echo.P99Micros:F0} µs)");
        }

        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "cluster",
            ["cores"] = Environment.ProcessorCount,
            ["in_flight"] = inFlight,
            ["message_bytes"] = messageBytes,
            ["cross_silo_calls_per_sec"] = Math.Round(BenchResult.Median(calls.Rates)),
            ["cross_silo_p50_us"] = Math.Round(BenchResult.Median(calls.P50s), 1),
            ["cross_silo_p99_us"] = Math.Round(BenchResult.Median(calls.P99s), 1),
            ["cross_silo_cpu_us_per_call"] = Math.Round(BenchResult.Median(calls.CpuMicrosPerCall), 2),
            ["raw_tcp_echo_per_sec"] = Math.Round(BenchResult.Median(echoes)),
            ["ratio"] = Math.Round(BenchResult.Median(ratios), 3),
        });
    }
}
