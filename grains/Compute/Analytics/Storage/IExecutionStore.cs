namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Where validated executions are kept, and the aggregates the analyses take, computed where the data is: one row
/// of additive statistics (plus the 95th latency percentile) per parameter set, and the statistics of two time windows.
/// </summary>
public interface IExecutionStore
{
    /// <summary>Stores all of <paramref name="executions"/> or none of them; returns once they are stored.</summary>
    Task AddAsync(IReadOnlyList<Execution> executions, CancellationToken cancellationToken);

    /// <summary>One row per parameter set among the executions of <paramref name="taskType"/> (and of <paramref name="complexity"/> when given), in no particular order.</summary>
    Task<IReadOnlyList<ParameterSetStatistics>> GetParameterSetsAsync(string taskType, string? complexity, CancellationToken cancellationToken);

    /// <summary>Statistics of the executions of <paramref name="taskType"/> in (<paramref name="earlierFrom"/>, <paramref name="recentFrom"/>] and in (<paramref name="recentFrom"/>, <paramref name="to"/>].</summary>
    Task<TrendWindows> GetTrendWindowsAsync(string taskType, DateTimeOffset earlierFrom, DateTimeOffset recentFrom, DateTimeOffset to, CancellationToken cancellationToken);
}
