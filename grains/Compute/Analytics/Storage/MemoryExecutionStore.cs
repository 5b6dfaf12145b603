namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Executions in this process's memory, grouped by task type: the embedded default and the unit tests' store.
/// Aggregates are computed by the engine's <see cref="ExecutionGrouping"/> over a snapshot taken under the lock.
/// </summary>
public sealed class MemoryExecutionStore : IExecutionStore
{
    private readonly Dictionary<string, List<Execution>> _byTaskType = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task AddAsync(IReadOnlyList<Execution> executions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executions);
        // Read the whole batch before taking any of it, so a batch that cannot be read leaves nothing behind.
        var batch = new Execution[executions.Count];
        for (var i = 0; i < batch.Length; i++)
            batch[i] = executions[i] ?? throw new ArgumentException($"Execution {i} of the batch is null.", nameof(executions));
        lock (_lock)
        {
            foreach (var e in batch)
            {
                if (!_byTaskType.TryGetValue(e.TaskType, out var list))
                    _byTaskType[e.TaskType] = list = [];
                list.Add(e);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParameterSetStatistics>> GetParameterSetsAsync(string taskType, string? complexity, CancellationToken cancellationToken) =>
        Task.FromResult(ExecutionGrouping.ByParameterSet(ExecutionGrouping.Select(Snapshot(taskType), taskType, complexity)));

    public Task<TrendWindows> GetTrendWindowsAsync(string taskType, DateTimeOffset earlierFrom, DateTimeOffset recentFrom, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var executions = Snapshot(taskType);
        return Task.FromResult(new TrendWindows(
            ExecutionGrouping.Window(executions, earlierFrom, recentFrom),
            ExecutionGrouping.Window(executions, recentFrom, to)));
    }

    private Execution[] Snapshot(string taskType)
    {
        lock (_lock)
            return _byTaskType.TryGetValue(taskType, out var list) ? [.. list] : [];
    }
}
