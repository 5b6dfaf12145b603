using System.Diagnostics.CodeAnalysis;

namespace Cluster.Grains.Vision.Queue;

/// <summary>
/// The bookkeeping every queue shares: jobs by id, counts per priority, capacity, deadlines. Queues hold jobs in
/// their own order and drop entries lazily: a cancelled or expired job leaves the index at once and its queue entry
/// is skipped when reached.
/// </summary>
internal sealed class JobIndex<T>
{
    private readonly Dictionary<string, QueuedJob<T>> _queued = new(StringComparer.Ordinal);
    private readonly int[] _countByPriority = new int[(int)VisionPriority.Background + 1];
    private readonly JobQueueOptions _options;

    public JobIndex(JobQueueOptions options, TimeProvider time)
    {
        options.Validate("queue");
        _options = options;
        Time = time;
    }

    public TimeProvider Time { get; }

    public int Count => _queued.Count;

    public int CountOf(VisionPriority priority) => _countByPriority[(int)priority];

    public QueuedJob<T>? Find(string id) => _queued.GetValueOrDefault(id);

    public int ShareOf(string tenant) => _options.TenantShares.GetValueOrDefault(tenant, 1);

    /// <summary>Validates and stamps the job and takes it into the index.</summary>
    public void Admit(QueuedJob<T> job)
    {
        job.Validate();
        if (_queued.ContainsKey(job.Id))
            throw new DuplicateJobException(job.Id);
        if (_queued.Count >= _options.Capacity)
            throw new QueueFullException(_options.Capacity);

        var now = Time.GetUtcNow();
        var timeoutAt = now + _options.Timeout;
        job.EnqueuedAt = now;
        job.Deadline = job.RequestedDeadline is { } requested && requested < timeoutAt ? requested : timeoutAt;
        job.State = JobState.Queued;
        _queued.Add(job.Id, job);
        _countByPriority[(int)job.Priority]++;
    }

    /// <summary>Hands out a job a queue chose; false (and the job moved to <paramref name="expired"/>) when it is past its deadline.</summary>
    public bool TryHandOut(QueuedJob<T> job, DateTimeOffset now, List<QueuedJob<T>> expired)
    {
        if (job.IsExpired(now))
        {
            Leave(job, JobState.Expired);
            expired.Add(job);
            return false;
        }

        Leave(job, JobState.Dequeued);
        return true;
    }

    public bool TryCancel(string id, [NotNullWhen(true)] out QueuedJob<T>? job)
    {
        if (!_queued.TryGetValue(id, out job))
            return false;
        Leave(job, JobState.Cancelled);
        return true;
    }

    public void TakeExpired(List<QueuedJob<T>> expired)
    {
        var now = Time.GetUtcNow();
        foreach (var job in _queued.Values)
        {
            if (job.IsExpired(now))
                expired.Add(job);
        }

        for (var i = expired.Count - 1; i >= 0 && expired[i].State == JobState.Queued; i--)
            Leave(expired[i], JobState.Expired);
    }

    private void Leave(QueuedJob<T> job, JobState state)
    {
        _queued.Remove(job.Id);
        _countByPriority[(int)job.Priority]--;
        job.State = state;
    }
}
