using Cluster.Grains.Compute.Analytics;

namespace Cluster.Tests.Analytics;

public sealed class MemoryExecutionStoreTests : ExecutionStoreContract
{
    protected override Task<IExecutionStore> CreateStoreAsync() => Task.FromResult<IExecutionStore>(new MemoryExecutionStore());
}
