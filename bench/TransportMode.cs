using System.Globalization;
using System.Net;
using Cluster.Runtime.Transport;

namespace Cluster.Bench;

/// <summary>
/// Compares the cluster transport with a raw TCP echo at the same payload size and requests in flight, alternating
/// the two over several rounds and reporting the medians; then measures the transport's heap allocation per frame
/// (sender and receiver together) over a one-way stream of frames.
/// Arguments: [payloadBytes=256] [inFlight=100] [seconds=2] [rounds=3].
/// </summary>
public static class TransportMode
{
    public static int Run(string[] args)
    {
        var payloadBytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 256;
        var inFlight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var duration = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2);
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

        var raw = new List<EchoResult>();
        var transport = new List<EchoResult>();
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(TcpEchoBaseline.RunAsync(payloadBytes, inFlight, duration).GetAwaiter().GetResult());
            Console.WriteLine($"round {round} raw tcp:   {Describe(raw[^1])}");
            transport.Add(TransportEcho.RunAsync(payloadBytes, inFlight, duration).GetAwaiter().GetResult());
            Console.WriteLine($"round {round} transport: {Describe(transport[^1])}");
        }

        var allocated = AllocatedBytesPerFrameAsync(payloadBytes, 200_000).GetAwaiter().GetResult();
        Console.WriteLine($"transport allocation: {allocated:F2} bytes/frame");

        var rawRate = Median(raw, r => r.RequestsPerSecond);
        var transportRate = Median(transport, r => r.RequestsPerSecond);
        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "transport",
            ["cores"] = Environment.ProcessorCount,
            ["payload_bytes"] = payloadBytes,
            ["in_flight"] = inFlight,
            ["raw_requests_per_sec"] = Math.Round(rawRate),
            ["raw_p50_us"] = Math.Round(Median(raw, r => r.P50Micros), 1),
            ["raw_p99_us"] = Math.Round(Median(raw, r => r.P99Micros), 1),
            ["transport_requests_per_sec"] = Math.Round(transportRate),
            ["transport_p50_us"] = Math.Round(Median(transport, r => r.P50Micros), 1),
            ["transport_p99_us"] = Math.Round(Median(transport, r => r.P99Micros), 1),
            ["transport_vs_raw"] = Math.Round(transportRate / rawRate, 2),
            ["transport_alloc_bytes_per_frame"] = Math.Round(allocated, 2),
        });
    }

    private static async Task<double> AllocatedBytesPerFrameAsync(int payloadBytes, int frames)
    {
        var options = new TransportOptions { ClusterId = "alloc-bench", SharedSecret = "alloc-bench-shared-secret", LocalIdentity = "alloc-bench" };
        var received = 0;
        var target = int.MaxValue;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = ConnectionListener.Start(new IPEndPoint(IPAddress.Loopback, 0), options, (_, _) =>
        {
            if (Interlocked.Increment(ref received) == Volatile.Read(ref target))
                done.SetResult();
        });
        await using var client = await Connection.ConnectAsync(listener.EndPoint, options, static (_, _) => { });
        var payload = new byte[payloadBytes];

        // Warm up pools and tiered compilation, then count only the measured frames.
        Volatile.Write(ref target, frames);
        await SendAllAsync(client, payload, frames, done.Task);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref received, 0);
        await SendAllAsync(client, payload, frames, done.Task);
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)frames;
    }

    private static async Task SendAllAsync(Connection connection, byte[] payload, int frames, Task delivered)
    {
        for (var i = 0; i < frames; i++)
        {
            while (connection.QueuedBytes > 1024 * 1024)
                await Task.Yield();
            connection.Send(payload);
        }
        await delivered;
    }

    private static string Describe(EchoResult r) =>
        $"{r.RequestsPerSecond:F0} req/s, p50 {r.P50Micros:F1} µs, p99 {r.P99Micros:F1} µs";

    private static double Median(List<EchoResult> results, Func<EchoResult, double> value)
    {
        var values = new List<double>(results.Count);
        foreach (var result in results)
            values.Add(value(result));
        return BenchResult.Median(values);
    }
}
