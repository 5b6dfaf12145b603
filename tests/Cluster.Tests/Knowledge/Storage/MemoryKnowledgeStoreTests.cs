using Cluster.Grains.Knowledge.Storage;

namespace Cluster.Tests.Knowledge.Storage;

public sealed class MemoryKnowledgeStoreTests : KnowledgeStoreContract
{
    protected override Task<IKnowledgeStore> CreateStoreAsync() => Task.FromResult<IKnowledgeStore>(new MemoryKnowledgeStore(TimeProvider.System));
}
