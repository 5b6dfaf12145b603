using Cluster.Grains.Compute.Analytics;
using Cluster.Tests.Integration;
using Npgsql;
using Xunit;
using static Cluster.Tests.Analytics.AnalyticsDataSets;

namespace Cluster.Tests.Analytics;

public sealed class PostgresExecutionStoreTests : ExecutionStoreContract
{
    protected override async Task<IExecutionStore> CreateStoreAsync() => await PostgresExecutionStore.CreateAsync(PostgresServer.ConnectionString);

    [Fact]
    public async Task A_batch_the_database_refuses_stores_none_of_it()
    {
        var taskType = NewTaskType("refused");
        var executions = ExecutionBatch.Validate(Generated(taskType, DateTimeOffset.UtcNow, 20));
        // PostgreSQL text cannot hold NUL; validation refuses it, so only a caller bypassing validation can send one.
        executions[15] = executions[15] with { Model = "bad\0model" };

        await Assert.ThrowsAsync<PostgresException>(() => Store.AddAsync(executions, default));

        Assert.Empty(await Store.GetParameterSetsAsync(taskType, null, default));
    }

    [Fact]
    public async Task Preparing_the_schema_again_keeps_the_stored_executions()
    {
        var taskType = NewTaskType("again");
        await Store.AddAsync(ExecutionBatch.Validate(Generated(taskType, DateTimeOffset.UtcNow, 6)), default);

        await using var second = await PostgresExecutionStore.CreateAsync(PostgresServer.ConnectionString);

        Assert.Equal(6, (await second.GetParameterSetsAsync(taskType, null, default)).Sum(r => r.Statistics.Count));
    }
}
