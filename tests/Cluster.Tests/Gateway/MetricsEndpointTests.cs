using System.Net;
using Xunit;

namespace Cluster.Tests.Gateway;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_serve_orleans_and_cluster_meters_to_the_admin_key_only()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await gateway.Client(key: null).GetAsync("/readyz");

        var anonymous = await gateway.Client(key: null).GetAsync("/metrics");
        var client = await gateway.Client().GetAsync("/metrics");
        var scrape = await gateway.Admin().GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, client.StatusCode);
        Assert.Contains("cluster_grain_calls", scrape, StringComparison.Ordinal);
        Assert.Contains("grain_type=\"HealthGrain\"", scrape, StringComparison.Ordinal);
        Assert.Contains("orleans_", scrape, StringComparison.Ordinal);
    }
}
