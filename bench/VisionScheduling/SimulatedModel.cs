using Cluster.Grains.Vision;

namespace Cluster.Bench.VisionScheduling;

/// <summary>A fake model of the synthetic mix: its footprint, priority, share of the jobs and time per job.</summary>
internal sealed record SimulatedModel(string Name, double GiB, VisionPriority Priority, double Share, double ServiceMs)
{
    public long Bytes => (long)(GiB * 1024 * 1024 * 1024);

    /// <summary>
    /// A 24 GiB card's worth of models, 26.5 GiB in all: they cannot all stay resident, so the eviction policy decides
    /// which loads are paid again. Jobs take a model's priority.
    /// </summary>
    public static SimulatedModel[] Mix { get; } =
    [
        new("detector", 3.0, VisionPriority.Critical, 0.15, 20),
        new("classifier", 1.0, VisionPriority.High, 0.25, 8),
        new("segmenter", 4.0, VisionPriority.Normal, 0.15, 40),
        new("embedder", 1.5, VisionPriority.Normal, 0.20, 10),
        new("ocr", 2.5, VisionPriority.Low, 0.10, 30),
        new("captioner", 6.0, VisionPriority.Low, 0.05, 60),
        new("upscaler", 5.0, VisionPriority.Background, 0.05, 80),
        new("archiver", 3.5, VisionPriority.Background, 0.05, 50),
    ];
}
