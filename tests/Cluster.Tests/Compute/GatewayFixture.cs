using Cluster.Tests.Gateway;
using Xunit;

namespace Cluster.Tests.Compute;

/// <summary>One gateway shared by the tests of a class; tests keep apart by using their own task types.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() => Gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
