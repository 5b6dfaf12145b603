using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Security;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Tests.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

/// <summary>
/// The gateway with one extra route, <c>GET /api/v1/probe/{kbId}</c>, that requires the retrieve capability and
/// answers who called: it stands for the knowledge-base routes that use the tenant filter.
/// </summary>
public sealed class TenantGatewayFixture : IAsyncLifetime
{
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() => Gateway = await GatewayHost.StartAsync(app =>
        app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>()
            .MapGet("/probe/{kbId}", (string kbId, HttpContext http) => new Probe(TenantCaller.From(http).TenantId, kbId))
            .RequireTenantCapability(TenantCapability.Retrieve)
            .WithRequestExample(null, ("kbId", "kb-1")));

    public async Task DisposeAsync() => await Gateway.DisposeAsync();

    public sealed record Probe(string? TenantId, string KbId);
}
