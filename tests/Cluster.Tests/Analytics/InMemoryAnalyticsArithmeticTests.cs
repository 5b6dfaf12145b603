using Cluster.Tests.Gateway;

namespace Cluster.Tests.Analytics;

/// <summary>The analytics arithmetic through the embedded default: the in-memory execution store.</summary>
public sealed class InMemoryAnalyticsArithmeticTests : AnalyticsArithmeticTests
{
    protected override Task<GatewayHost> StartGatewayAsync() => GatewayHost.StartAsync();
}
