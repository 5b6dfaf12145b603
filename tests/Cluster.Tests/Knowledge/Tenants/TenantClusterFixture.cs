using Cluster.Tests.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

/// <summary>One silo configured as the product's, shared by a test class.</summary>
public sealed class TenantClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
