using System.Diagnostics.CodeAnalysis;

namespace Cluster.Grains.Vision.Queue;

/// <summary>First come, first served, priority and tenant ignored: the baseline the priority queue is measured against.</summary>
public sealed class FifoJobQueue<T>(JobQueueOptions options, TimeProvider time) : IJobQueue<T>
{
    private readonly JobIndex<T> _index = new(options, time);
    private readonly Queue<QueuedJob<T>> _order = new();

    public int Count => _index.Count;

    public int CountOf(VisionPriority priority) => _index.CountOf(priority);

    public void Enqueue(QueuedJob<T> job)
    {
        _index.Admit(job);
        _order.Enqueue(job);
    }

    public QueuedJob<T>? Dequeue(List<QueuedJob<T>> expired)
    {
        var now = _index.Time.GetUtcNow();
        while (_order.TryDequeue(out var job))
        {
            if (job.State == JobState.Queued && _index.TryHandOut(job, now, expired))
                return job;
        }

        return null;
    }

    public bool TryCancel(string id, [NotNullWhen(true)] out QueuedJob<T>? job) => _index.TryCancel(id, out job);

    public void TakeExpired(List<QueuedJob<T>> expired) => _index.TakeExpired(expired);

    public QueuedJob<T>? Find(string id) => _index.Find(id);
}
