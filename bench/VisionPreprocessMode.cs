using System.Diagnostics;
using System.Globalization;
using Cluster.Grains.Vision.Preprocessing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Cluster.Bench;

/// <summary>
/// The CPU preprocessing path on one thread: JPEG decode, then shorter side to 224, centre crop and planar float
/// output with <see cref="SimdPreprocessor"/>, against ImageSharp's own resize (triangle, i.e. bilinear, filter) and
/// crop followed by a plain per-pixel loop into the same tensor, in the same run. Medians of wall and process CPU
/// time per image. Usage: <c>vision-preprocess [--images N]</c>.
/// </summary>
internal static class VisionPreprocessMode
{
    private static readonly (int Width, int Height)[] Sizes = [(640, 480), (1920, 1080)];

    /// <summary>ImageSharp on one thread, as the SIMD path runs, so CPU time per image compares like with like.</summary>
    private static readonly Configuration OneThread = OneThreadConfiguration();

    public static int Run(string[] args)
    {
        var images = BenchOptions.IntOption(args, "--images", 60);
        var spec = PreprocessSpec.DnnImageFeaturizer;
        var result = new Dictionary<string, object> { ["mode"] = "vision-preprocess", ["images"] = images, ["output"] = "3x224x224" };
        foreach (var (width, height) in Sizes)
        {
            var jpeg = SyntheticJpeg(width, height);
            var decoder = new RgbDecoder(new DecodingOptions());
            var decoded = decoder.Decode(jpeg);
            using var sharp = Image.Load<Rgb24>(OneThread, jpeg);
            var simd = new SimdPreprocessor(spec);
            var tensor = new float[spec.TensorLength];

            var key = $"{width}x{height}";
            var decode = Time(images, () => decoder.Decode(jpeg));
            var ours = Time(images, () => simd.Preprocess(decoded, tensor));
            var library = Time(images, () => LibraryPreprocess(sharp, tensor));
            result[$"decode_ms_{key}"] = decode.Wall;
            result[$"simd_ms_{key}"] = ours.Wall;
            result[$"simd_cpu_ms_{key}"] = ours.Cpu;
            result[$"imagesharp_ms_{key}"] = library.Wall;
            result[$"imagesharp_cpu_ms_{key}"] = library.Cpu;
            result[$"simd_speedup_cpu_{key}"] = Math.Round(library.Cpu / ours.Cpu, 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key}: decode {decode.Wall:F2} ms; SIMD {ours.Wall:F3} ms ({ours.Cpu:F3} ms CPU); ImageSharp resize + loop {library.Wall:F3} ms ({library.Cpu:F3} ms CPU)"));
        }

        return BenchResult.Print(result);
    }

    private static Configuration OneThreadConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        return configuration;
    }

    /// <summary>The baseline: ImageSharp resizes and crops, then each pixel is written to its three planes.</summary>
    private static void LibraryPreprocess(Image<Rgb24> image, float[] tensor)
    {
        var scale = 224.0 / Math.Min(image.Width, image.Height);
        int width = (int)(image.Width * scale), height = (int)(image.Height * scale);
        using var resized = image.Clone(context => context
            .Resize(new ResizeOptions { Size = new Size(width, height), Sampler = KnownResamplers.Triangle, Mode = ResizeMode.Stretch })
            .Crop(new Rectangle((width - 224) / 2, (height - 224) / 2, 224, 224)));
        const int plane = 224 * 224;
        resized.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < 224; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < 224; x++)
                {
                    tensor[y * 224 + x] = row[x].R;
                    tensor[plane + y * 224 + x] = row[x].G;
                    tensor[2 * plane + y * 224 + x] = row[x].B;
                }
            }
        });
    }

    /// <summary>A gradient with noise, so the JPEG has both smooth areas and detail to decode.</summary>
    private static byte[] SyntheticJpeg(int width, int height)
    {
        var random = new Random(width);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)random.Next(256));
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// <summary>Median wall and process-CPU milliseconds per call, after as many warm-up calls (so tiered JIT has optimised the code).</summary>
    private static (double Wall, double Cpu) Time(int count, Action action)
    {
        for (var i = 0; i < count; i++)
            action();
        Thread.Sleep(200);
        var walls = new List<double>(count);
        var cpus = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            action();
            walls.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpus.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        }

        return (Math.Round(BenchResult.Median(walls), 3), Math.Round(BenchResult.Median(cpus), 3));
    }
}
