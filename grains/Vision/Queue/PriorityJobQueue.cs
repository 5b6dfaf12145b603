using System.Diagnostics.CodeAnalysis;

namespace Cluster.Grains.Vision.Queue;

/// <summary>
/// Jobs by priority with aging and tenant fair share. The next job comes from the level whose oldest job has the best
/// effective priority (base number minus one per <see cref="JobQueueOptions.AgingInterval"/> waited, never below 1;
/// ties go to the older job), so background work ages into critical rank and is never starved. Within a level,
/// tenants take turns by deficit round robin and each tenant's jobs run in arrival order.
/// </summary>
public sealed class PriorityJobQueue<T> : IJobQueue<T>
{
    private static readonly VisionPriority[] Priorities =
        [VisionPriority.Critical, VisionPriority.High, VisionPriority.Normal, VisionPriority.Low, VisionPriority.Background];

    private readonly JobIndex<T> _index;
    private readonly PriorityLevel<T>[] _levels;
    private readonly PriorityLevel<T>?[] _levelByPriority = new PriorityLevel<T>?[(int)VisionPriority.Background + 1];
    private readonly long _agingTicks;

    public PriorityJobQueue(JobQueueOptions options, TimeProvider time)
    {
        _index = new JobIndex<T>(options, time);
        _agingTicks = options.AgingInterval.Ticks;
        _levels = new PriorityLevel<T>[Priorities.Length];
        for (var i = 0; i < Priorities.Length; i++)
        {
            _levels[i] = new PriorityLevel<T>(Priorities[i]);
            _levelByPriority[(int)Priorities[i]] = _levels[i];
        }
    }

    public int Count => _index.Count;

    public int CountOf(VisionPriority priority) => _index.CountOf(priority);

    public void Enqueue(QueuedJob<T> job)
    {
        _index.Admit(job);
        _levelByPriority[(int)job.Priority]!.Add(job, _index.ShareOf(job.Tenant));
    }

    public QueuedJob<T>? Dequeue(List<QueuedJob<T>> expired)
    {
        var now = _index.Time.GetUtcNow();
        while (true)
        {
            PriorityLevel<T>? best = null;
            QueuedJob<T>? bestOldest = null;
            long bestRank = long.MaxValue;
            foreach (var level in _levels)
            {
                if (level.Oldest() is not { } oldest)
                    continue;
                var rank = EffectivePriority(oldest, now);
                if (rank < bestRank || (rank == bestRank && oldest.EnqueuedAt < bestOldest!.EnqueuedAt))
                {
                    best = level;
                    bestOldest = oldest;
                    bestRank = rank;
                }
            }

            if (best?.Next() is not { } job)
                return null;
            if (_index.TryHandOut(job, now, expired))
                return job;
        }
    }

    /// <summary>The job's priority number after aging: one better per aging interval waited, never better than critical.</summary>
    public long EffectivePriority(QueuedJob<T> job, DateTimeOffset now)
    {
        var steps = (now - job.EnqueuedAt).Ticks / _agingTicks;
        var rank = (long)job.Priority - steps;
        return rank < (long)VisionPriority.Critical ? (long)VisionPriority.Critical : rank;
    }

    public bool TryCancel(string id, [NotNullWhen(true)] out QueuedJob<T>? job) => _index.TryCancel(id, out job);

    public void TakeExpired(List<QueuedJob<T>> expired) => _index.TakeExpired(expired);

    public QueuedJob<T>? Find(string id) => _index.Find(id);
}
