using System.Globalization;
using Cluster.Bench.Grains;
using Cluster.GrainInterfaces.Cluster;

namespace Cluster.Bench;

/// <summary>
/// Orleans' cross-silo messaging against the raw TCP echo at several message sizes: two silos over loopback TCP,
/// calls from silo 1 to grains on silo 2 that answer with the byte[] payload they were sent, and the echo carrying
/// the same payload both ways with the same requests in flight. Rounds alternate the two; medians per size.
/// Arguments: [inFlight=100] [seconds=1] [rounds=3].
/// </summary>
public static class TransportMode
{
    private const int Grains = 1_000;
    private static readonly int[] PayloadSizes = [64, 1024, 16 * 1024];

    public static async Task<int> RunAsync(string[] args)
    {
        var inFlight = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var duration = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1);
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        await using var cluster = await BenchCluster.StartAsync([[], [BenchRoles.Remote]]);
        var remote = RemoteGrains.Of(cluster, Grains);
        Func<int, Task> ping = i => remote[i].PingAsync(i);
        await CallLoad.RunAsync(Grains, ping, inFlight, TimeSpan.FromSeconds(1), new LatencyHistogram());
        await RemoteGrains.RequireOnlyOnAsync(cluster, cluster.Silos[1]);

        var fields = new Dictionary<string, object>
        {
            ["mode"] = "transport",
            ["cores"] = Environment.ProcessorCount,
            ["in_flight"] = inFlight,
        };
        foreach (var size in PayloadSizes)
        {
            var payload = new byte[size];
            Func<int, Task> echo = i => remote[i].EchoAsync(payload);
            var orleans = new RoundFigures();
            var raw = new List<EchoResult>();
            for (var round = 0; round < rounds; round++)
            {
                raw.Add(await TcpEchoBaseline.RunAsync(size, inFlight, duration));
                await orleans.MeasureAsync(Grains, echo, inFlight, duration);
                Console.WriteLine($"{size} B round {round}: raw tcp {Describe(raw[^1])}; Orleans {orleans.Describe()}");
            }

            var rawRate = Median(raw, static r => r.RequestsPerSecond);
            var orleansRate = BenchResult.Median(orleans.Rates);
            var name = size >= 1024 ? $"{size / 1024}kib" : $"{size}b";
            fields[$"raw_{name}_per_sec"] = Math.Round(rawRate);
            fields[$"raw_{name}_p99_us"] = Math.Round(Median(raw, static r => r.P99Micros), 1);
            fields[$"orleans_{name}_per_sec"] = Math.Round(orleansRate);
            fields[$"orleans_{name}_p50_us"] = Math.Round(BenchResult.Median(orleans.P50s), 1);
            fields[$"orleans_{name}_p99_us"] = Math.Round(BenchResult.Median(orleans.P99s), 1);
            fields[$"orleans_{name}_cpu_us_per_call"] = Math.Round(BenchResult.Median(orleans.CpuMicrosPerCall), 2);
            fields[$"orleans_vs_raw_{name}"] = Math.Round(orleansRate / rawRate, 2);
        }

        return BenchResult.Print(fields);
    }

    private static string Describe(EchoResult r) =>
        $"{r.RequestsPerSecond:F0} req/s (p50 {r.P50Micros:F0} µs, p99 {r.P99Micros:F0} µs)";

    private static double Median(List<EchoResult> results, Func<EchoResult, double> value)
    {
        var values = new List<double>(results.Count);
        foreach (var result in results)
            values.Add(value(result));
        return BenchResult.Median(values);
    }
}
