using System.Diagnostics.CodeAnalysis;

namespace Cluster.Grains.Vision.Queue;

/// <summary>
/// A device's waiting jobs. Not thread-safe: its owner calls it one turn at a time. Jobs whose deadline passes while
/// queued come back through the <c>expired</c> lists, never from a dequeue.
/// </summary>
public interface IJobQueue<T>
{
    int Count { get; }

    /// <summary>Queued jobs of one (base) priority.</summary>
    int CountOf(VisionPriority priority);

    /// <summary>Stamps enqueue time and deadline and queues the job; throws <see cref="DuplicateJobException"/> or <see cref="QueueFullException"/>.</summary>
    void Enqueue(QueuedJob<T> job);

    /// <summary>The next job to run, or null when none is queued; jobs found past their deadline go to <paramref name="expired"/>.</summary>
    QueuedJob<T>? Dequeue(List<QueuedJob<T>> expired);

    /// <summary>Removes a queued job by id; false when no queued job has it.</summary>
    bool TryCancel(string id, [NotNullWhen(true)] out QueuedJob<T>? job);

    /// <summary>Moves every queued job past its deadline to <paramref name="expired"/>.</summary>
    void TakeExpired(List<QueuedJob<T>> expired);

    QueuedJob<T>? Find(string id);
}
