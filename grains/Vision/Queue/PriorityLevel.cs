namespace Cluster.Grains.Vision.Queue;

/// <summary>
/// The jobs of one base priority: a lane per tenant served by deficit round robin (each tenant takes its share of
/// jobs per round, so a tenant with a flood of jobs cannot crowd out one with a few), plus the arrival order of all
/// of them, whose head is the level's oldest job for aging.
/// </summary>
internal sealed class PriorityLevel<T>(VisionPriority priority)
{
    private readonly Queue<QueuedJob<T>> _arrivals = new();
    private readonly Dictionary<string, TenantLane<T>> _lanes = new(StringComparer.Ordinal);
    private readonly List<TenantLane<T>> _round = [];
    private int _cursor;

    public VisionPriority Priority { get; } = priority;

    public void Add(QueuedJob<T> job, int share)
    {
        _arrivals.Enqueue(job);
        if (!_lanes.TryGetValue(job.Tenant, out var lane))
        {
            lane = new TenantLane<T>(job.Tenant, share);
            _lanes.Add(job.Tenant, lane);
            _round.Add(lane);
        }

        lane.Jobs.Enqueue(job);
    }

    /// <summary>The longest-waiting queued job of this level, or null when none is left.</summary>
    public QueuedJob<T>? Oldest()
    {
        while (_arrivals.TryPeek(out var head))
        {
            if (head.State == JobState.Queued)
                return head;
            _arrivals.Dequeue();
        }

        return null;
    }

    /// <summary>The next job by deficit round robin among the tenants; null when no queued job is left.</summary>
    public QueuedJob<T>? Next()
    {
        while (_round.Count > 0)
        {
            if (_cursor >= _round.Count)
                _cursor = 0;
            var lane = _round[_cursor];
            if (!lane.SkipGone())
            {
                Retire(lane);
                continue;
            }

            if (!lane.InTurn)
            {
                lane.Deficit += lane.Share;
                lane.InTurn = true;
            }

            var job = lane.Jobs.Dequeue();
            lane.Deficit--;
            if (!lane.SkipGone())
                Retire(lane);
            else if (lane.Deficit < 1)
            {
                lane.InTurn = false;
                _cursor++;
            }

            return job;
        }

        return null;
    }

    /// <summary>An empty lane leaves the round and forgets its credit, as deficit round robin does for idle flows.</summary>
    private void Retire(TenantLane<T> lane)
    {
        _round.RemoveAt(_cursor);
        _lanes.Remove(lane.Tenant);
    }
}
