using System.Diagnostics.CodeAnalysis;

namespace Cluster.Grains.Vision.Queue;

/// <summary>
/// Gathers dequeued jobs per model into batches: a batch is released as soon as it holds its model's limit of jobs,
/// or once its first job has waited the maximum delay, whichever comes first. The owner adds jobs in queue order,
/// and calls <see cref="TakeDue"/> when <see cref="NextDueAt"/> comes. Not thread-safe.
/// </summary>
public sealed class BatchFormer<T>
{
    private readonly Dictionary<string, PendingBatch<T>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _limits = new(StringComparer.Ordinal);
    private readonly BatchingOptions _options;
    private readonly TimeProvider _time;

    public BatchFormer(BatchingOptions options, TimeProvider time)
    {
        options.Validate("batching");
        _options = options;
        _time = time;
    }

    /// <summary>Jobs held, not yet released.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Caps one model's batches below the default, e.g. 1 for a model whose batch dimension is fixed.</summary>
    public void SetLimit(string model, int maxBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _limits[model] = maxBatchSize;
        if (_pending.TryGetValue(model, out var batch))
            batch.Limit = maxBatchSize;
    }

    /// <summary>Adds a job; returns its model's batch when the job fills it, else null.</summary>
    public QueuedJob<T>[]? Add(QueuedJob<T> job)
    {
        if (!_pending.TryGetValue(job.Model, out var batch))
        {
            batch = new PendingBatch<T>(_limits.GetValueOrDefault(job.Model, _options.MaxBatchSize));
            _pending.Add(job.Model, batch);
        }

        if (batch.Jobs.Count == 0)
            batch.FirstAt = _time.GetUtcNow();
        batch.Jobs.Add(job);
        PendingCount++;
        if (batch.Jobs.Count < batch.Limit)
            return null;
        PendingCount -= batch.Jobs.Count;
        return batch.Take();
    }

    /// <summary>Adds to <paramref name="into"/> every batch whose first job has waited the maximum delay.</summary>
    public void TakeDue(List<QueuedJob<T>[]> into)
    {
        var dueFrom = _time.GetUtcNow() - _options.MaxDelay;
        foreach (var batch in _pending.Values)
        {
            if (batch.Jobs.Count > 0 && batch.FirstAt <= dueFrom)
            {
                PendingCount -= batch.Jobs.Count;
                into.Add(batch.Take());
            }
        }
    }

    /// <summary>When the earliest held batch falls due; null when nothing is held.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            DateTimeOffset? first = null;
            foreach (var batch in _pending.Values)
            {
                if (batch.Jobs.Count > 0 && (first is null || batch.FirstAt < first))
                    first = batch.FirstAt;
            }

            return first + _options.MaxDelay;
        }
    }

    /// <summary>Removes a held job by id; false when no held job has it.</summary>
    public bool TryCancel(string id, [NotNullWhen(true)] out QueuedJob<T>? job)
    {
        foreach (var batch in _pending.Values)
        {
            for (var i = 0; i < batch.Jobs.Count; i++)
            {
                if (batch.Jobs[i].Id != id)
                    continue;
                job = batch.Jobs[i];
                batch.Jobs.RemoveAt(i);
                PendingCount--;
                job.State = JobState.Cancelled;
                return true;
            }
        }

        job = null;
        return false;
    }
}
