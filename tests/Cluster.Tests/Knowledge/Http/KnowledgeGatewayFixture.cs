using Cluster.Tests.Gateway;
using Cluster.Tests.Integration;
using Xunit;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>
/// One gateway with its embedded silo keeping grain state, tenants, documents and chunks in the test PostgreSQL,
/// with short ingestion timings so retries and recovery show within a test.
/// </summary>
public sealed class KnowledgeGatewayFixture : IAsyncLifetime
{
    public const long MaxDocumentBytes = 64 * 1024;

    /// <summary>Small, so a test can make a knowledge base that splits its index across shards.</summary>
    public const int ShardThreshold = 100;

    public GatewayHost Gateway { get; private set; } = null!;

    public KnowledgeApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gateway = await GatewayHost.StartAsync(
            "--Cluster:Storage:Provider=PostgreSQL",
            $"--Cluster:Storage:ConnectionString={PostgresServer.ConnectionString}",
            $"--Cluster:Knowledge:MaxDocumentBytes={MaxDocumentBytes}",
            "--Cluster:Knowledge:KeepOriginalBytes=32768",
            "--Cluster:Knowledge:RecoveryInterval=00:00:00.500",
            "--Cluster:Knowledge:PendingGrace=00:00:01",
            "--Cluster:Knowledge:MaxAttempts=2",
            "--Cluster:Knowledge:RetryDelay=00:00:00.050",
            $"--Cluster:Knowledge:ShardThreshold={ShardThreshold}");
        Api = new KnowledgeApi(Gateway);
    }

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
