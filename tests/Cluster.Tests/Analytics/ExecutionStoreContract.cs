using Cluster.Grains.Compute.Analytics;
using Xunit;
using static Cluster.Tests.Analytics.AnalyticsDataSets;

namespace Cluster.Tests.Analytics;

/// <summary>What every execution store must do: the aggregates equal the engine's own grouping of the same executions.</summary>
public abstract class ExecutionStoreContract : IAsyncLifetime
{
    protected IExecutionStore Store { get; private set; } = null!;

    protected abstract Task<IExecutionStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    internal static void AssertSameRows(IReadOnlyList<ParameterSetStatistics> expected, IReadOnlyList<ParameterSetStatistics> actual)
    {
        Assert.Equal(expected.Select(r => r.Parameters.Key).Order(StringComparer.Ordinal), actual.Select(r => r.Parameters.Key).Order(StringComparer.Ordinal));
        foreach (var row in expected)
        {
            var stored = actual.Single(r => r.Parameters.Key == row.Parameters.Key);
            JsonAssert.SameValues(row.Statistics, stored.Statistics);
            Assert.Equal(row.P95LatencyMs, stored.P95LatencyMs, 9);
            Assert.Equal(row.Parameters.Values.Keys.Order(StringComparer.Ordinal), stored.Parameters.Values.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Rows_per_parameter_set_equal_the_engines_grouping()
    {
        var taskType = NewTaskType("store");
        var executions = ExecutionBatch.Validate(Generated(taskType, DateTimeOffset.UtcNow, 90));
        await Store.AddAsync(executions[..40], default);
        await Store.AddAsync(executions[40..], default);

        AssertSameRows(ExecutionGrouping.ByParameterSet(executions), await Store.GetParameterSetsAsync(taskType, null, default));
        AssertSameRows(ExecutionGrouping.ByParameterSet(ExecutionGrouping.Select(executions, taskType, "high")),
            await Store.GetParameterSetsAsync(taskType, "high", default));
    }

    [Fact]
    public async Task Trend_windows_hold_the_executions_of_each_window()
    {
        var taskType = NewTaskType("window");
        var now = DateTimeOffset.UtcNow;
        var executions = ExecutionBatch.Validate(Generated(taskType, now, 120));
        await Store.AddAsync(executions, default);
        var (earlierFrom, recentFrom) = (now.AddDays(-6), now.AddDays(-3));

        var windows = await Store.GetTrendWindowsAsync(taskType, earlierFrom, recentFrom, now, default);

        JsonAssert.SameValues(ExecutionGrouping.Window(executions, earlierFrom, recentFrom), windows.Earlier);
        JsonAssert.SameValues(ExecutionGrouping.Window(executions, recentFrom, now), windows.Recent);
        Assert.Equal(36, windows.Recent.Count);
        Assert.Equal(36, windows.Earlier.Count);
    }

    [Fact]
    public async Task A_task_type_without_executions_has_no_rows_and_empty_windows()
    {
        var taskType = NewTaskType("empty");
        var now = DateTimeOffset.UtcNow;

        Assert.Empty(await Store.GetParameterSetsAsync(taskType, null, default));
        var windows = await Store.GetTrendWindowsAsync(taskType, now.AddDays(-2), now.AddDays(-1), now, default);
        Assert.Equal(0, windows.Earlier.Count);
        Assert.Equal(0, windows.Recent.Count);
    }
}
