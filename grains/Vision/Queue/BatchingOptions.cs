namespace Cluster.Grains.Vision.Queue;

/// <summary>Dynamic batching per model: a batch goes when it holds <see cref="MaxBatchSize"/> jobs or its first job has waited <see cref="MaxDelay"/>.</summary>
public sealed class BatchingOptions
{
    public int MaxBatchSize { get; set; } = 8;

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Throws <see cref="VisionOptionsException"/> naming the first setting out of range.</summary>
    public void Validate(string section)
    {
        if (MaxBatchSize is < 1 or > 1024)
            throw new VisionOptionsException($"{section}:MaxBatchSize", $"must be between 1 and 1024; got {MaxBatchSize}.");
        if (MaxDelay < TimeSpan.Zero)
            throw new VisionOptionsException($"{section}:MaxDelay", $"must not be negative; got {MaxDelay}.");
    }
}
