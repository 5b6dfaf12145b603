using System.Diagnostics;
using Cluster.GrainInterfaces.Vision;
using Cluster.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cluster.Bench;

/// <summary>
/// The real ResNet18 on the CPU path, end to end through the vision grains of an in-process gpu silo: jobs of
/// 320×240 PNG images (decode, resize, normalise, run) submitted and awaited by closed-loop clients. Three phases in one
/// run: one client with batching off (batch 1, the baseline), many clients with batching off, and many clients with
/// dynamic batching (up to 8 images or 5 ms). Options: --images N per phase (default 240), --clients C (default 8).
/// </summary>
public static class VisionMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var images = Option(args, "--images", 240);
        var clients = Option(args, "--clients", 8);
        var pictures = Pictures(16);
        Console.WriteLine($"vision: {Environment.ProcessorCount} cores, {images} images per phase, {clients} clients; load {File.ReadAllText("/proc/loadavg").Trim()}");

        var single = await PhaseAsync("batch 1, 1 client", maxBatch: 1, clients: 1, images, pictures);
        var unbatched = await PhaseAsync($"batch 1, {clients} clients", maxBatch: 1, clients, images, pictures);
        var batched = await PhaseAsync($"dynamic batching (8 / 5 ms), {clients} clients", maxBatch: 8, clients, images, pictures);

        return BenchResult.Print(new Dictionary<string, object>
        {
            ["mode"] = "vision",
            ["model"] = "resnet18",
            ["device"] = "cpu",
            ["cores"] = Environment.ProcessorCount,
            ["images_per_phase"] = images,
            ["clients"] = clients,
            ["batch1_1client_images_per_sec"] = single.ImagesPerSecond,
            ["batch1_1client_p50_ms"] = single.P50,
            ["batch1_1client_p99_ms"] = single.P99,
            ["batch1_images_per_sec"] = unbatched.ImagesPerSecond,
            ["batch1_p50_ms"] = unbatched.P50,
            ["batch1_p99_ms"] = unbatched.P99,
            ["dynamic_images_per_sec"] = batched.ImagesPerSecond,
            ["dynamic_p50_ms"] = batched.P50,
            ["dynamic_p99_ms"] = batched.P99,
            ["dynamic_mean_batch"] = batched.MeanBatch,
            ["dynamic_vs_batch1_throughput"] = Math.Round(batched.ImagesPerSecond / unbatched.ImagesPerSecond, 2),
            ["footprint_bytes"] = batched.FootprintBytes,
            ["load_ms"] = batched.LoadMilliseconds,
        });
    }

    private static async Task<Phase> PhaseAsync(string name, int maxBatch, int clients, int images, byte[][] pictures)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:Roles:0"] = "gpu",
                ["Vision:Batching:MaxBatchSize"] = maxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Vision:Batching:MaxDelay"] = "00:00:00.005",
            }))
            .UseOrleans((context, silo) => silo.UseClusterSilo(context.Configuration))
            .Build();
        await host.StartAsync();
        var vision = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IVisionGrain>(0);
        var models = await vision.LoadAsync("resnet18");
        var placement = models[0].Placements[0];
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < 8; i++)
            await RunOneAsync(vision, grains, pictures[i % pictures.Length]);

        var latencies = new List<double>(images);
        var batchSizes = 0L;
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < images)
            {
                var sent = Stopwatch.GetTimestamp();
                var done = await RunOneAsync(vision, grains, pictures[next % pictures.Length]);
                var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    batchSizes += done.BatchSize ?? 1;
                }
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await host.StopAsync();

        latencies.Sort();
        var phase = new Phase(Math.Round(images / seconds, 1), Math.Round(Percentile(latencies, 0.50), 1), Math.Round(Percentile(latencies, 0.99), 1),
            Math.Round((double)batchSizes / images, 2), placement.FootprintBytes ?? 0, Math.Round(placement.LoadMilliseconds ?? 0));
        Console.WriteLine($"{name}: {phase.ImagesPerSecond} images/s, p50 {phase.P50} ms, p99 {phase.P99} ms, mean batch {phase.MeanBatch}");
        return phase;
    }

    private static async Task<VisionJobView> RunOneAsync(IVisionGrain vision, IGrainFactory grains, byte[] picture)
    {
        var job = await vision.SubmitAsync(new VisionJobRequest("resnet18", VisionTask.Embed, picture, 5, null, "bench"));
        VisionJobId.TryGetManager(job.JobId, out var manager);
        var done = await grains.GetGrain<IVisionResourceManagerGrain>(manager).WaitAsync(job.JobId, TimeSpan.FromMinutes(2));
        if (done.State != VisionJobState.Succeeded)
            throw new InvalidOperationException($"job {done.JobId} ended {done.State}: {done.Error}");
        return done;
    }

    /// <summary>Photo-sized synthetic pictures (gradients with a seeded pattern), encoded once as PNG.</summary>
    private static byte[][] Pictures(int count)
    {
        var pictures = new byte[count][];
        for (var n = 0; n < count; n++)
        {
            using var image = new Image<Rgb24>(320, 240);
            for (var y = 0; y < 240; y++)
            {
                for (var x = 0; x < 320; x++)
                    image[x, y] = new Rgb24((byte)(x * 255 / 320), (byte)((y * 7 + n * 31) % 256), (byte)(((x / 16) + (y / 16) + n) % 2 * 200));
            }

            using var png = new MemoryStream();
            image.SaveAsPng(png);
            pictures[n] = png.ToArray();
        }

        return pictures;
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Phase(double ImagesPerSecond, double P50, double P99, double MeanBatch, long FootprintBytes, double LoadMilliseconds);
}
