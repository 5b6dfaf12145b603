namespace Cluster.Grains.Compute.Analytics;

/// <summary>Builds the aggregated rows the analyses take from in-memory executions.</summary>
public static class ExecutionGrouping
{
    /// <summary>Executions of <paramref name="taskType"/>, and of <paramref name="complexity"/> when it is given.</summary>
    public static List<Execution> Select(IEnumerable<Execution> executions, string taskType, string? complexity = null)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var selected = new List<Execution>();
        foreach (var e in executions)
        {
            if (e.TaskType == taskType && (complexity is null || e.Complexity == complexity))
                selected.Add(e);
        }
        return selected;
    }

    /// <summary>One row per distinct parameter set, in order of first appearance, with its exact 95th latency percentile.</summary>
    public static IReadOnlyList<ParameterSetStatistics> ByParameterSet(IEnumerable<Execution> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var groups = new Dictionary<ParameterSet, List<Execution>>();
        var order = new List<ParameterSet>();
        foreach (var e in executions)
        {
            if (!groups.TryGetValue(e.Parameters, out var members))
            {
                groups[e.Parameters] = members = [];
                order.Add(e.Parameters);
            }
            members.Add(e);
        }
        var rows = new ParameterSetStatistics[order.Count];
        for (var g = 0; g < rows.Length; g++)
        {
            var members = groups[order[g]];
            var latencies = new double[members.Count];
            for (var i = 0; i < latencies.Length; i++)
                latencies[i] = members[i].ExecutionTimeMs;
            rows[g] = new ParameterSetStatistics(order[g], ExecutionStatistics.Of(members), Percentiles.Continuous(latencies, 0.95));
        }
        return rows;
    }

    /// <summary>Statistics of the executions whose timestamps fall in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static ExecutionStatistics Window(IEnumerable<Execution> executions, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var inside = new List<Execution>();
        foreach (var e in executions)
        {
            if (e.Timestamp > from && e.Timestamp <= to)
                inside.Add(e);
        }
        return ExecutionStatistics.Of(inside);
    }
}
