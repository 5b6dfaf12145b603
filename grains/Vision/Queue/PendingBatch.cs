namespace Cluster.Grains.Vision.Queue;

/// <summary>The jobs of one model gathered so far, and when the first of them arrived.</summary>
internal sealed class PendingBatch<T>(int limit)
{
    public List<QueuedJob<T>> Jobs { get; } = new(limit);

    public int Limit { get; set; } = limit;

    public DateTimeOffset FirstAt { get; set; }

    public QueuedJob<T>[] Take()
    {
        var batch = Jobs.ToArray();
        Jobs.Clear();
        return batch;
    }
}
