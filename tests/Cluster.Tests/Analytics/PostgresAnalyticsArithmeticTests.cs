using Cluster.Tests.Gateway;
using Cluster.Tests.Integration;

namespace Cluster.Tests.Analytics;

/// <summary>The analytics arithmetic through PostgreSQL (<c>Cluster:Analytics:ConnectionString</c>): aggregates computed in SQL.</summary>
public sealed class PostgresAnalyticsArithmeticTests : AnalyticsArithmeticTests
{
    protected override Task<GatewayHost> StartGatewayAsync() =>
        GatewayHost.StartAsync($"--Cluster:Analytics:ConnectionString={PostgresServer.ConnectionString}");
}
