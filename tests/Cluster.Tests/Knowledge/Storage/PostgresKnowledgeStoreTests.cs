using Cluster.Grains.Knowledge.Storage;
using Cluster.Tests.Integration;
using Xunit;

namespace Cluster.Tests.Knowledge.Storage;

public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreContract
{
    protected override async Task<IKnowledgeStore> CreateStoreAsync() => await PostgresKnowledgeStore.CreateAsync(PostgresServer.ConnectionString);

    [Fact]
    public async Task Applying_the_schema_again_keeps_what_is_stored()
    {
        var kb = NewBase();
        await Store.CreateKnowledgeBaseAsync(kb, default);

        await using var second = await PostgresKnowledgeStore.CreateAsync(PostgresServer.ConnectionString);

        Assert.Equal(kb.Name, (await second.GetKnowledgeBaseAsync(kb.Id, default))!.Name);
    }
}
