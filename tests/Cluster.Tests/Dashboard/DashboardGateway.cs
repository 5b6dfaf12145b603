using System.Net;
using Cluster.Gateway.Dashboard;
using Cluster.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Cluster.Tests.Dashboard;

/// <summary>
/// The gateway's web host as far as the dashboard goes: an Orleans client of the cluster (AddDashboard on the
/// client builder) that serves /dashboard through the same AddDashboardAccess and MapAdminDashboard calls as
/// GatewayApp. Pointing the tests at the real gateway replaces this class and nothing else.
/// </summary>
public sealed class DashboardGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardGateway(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<DashboardGateway> StartAsync(string clusterId, string serviceId, IEnumerable<IPEndPoint> siloGateways,
        ApiKeys keys)
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        builder.UseOrleansClient(client => client
            .UseStaticClustering([.. siloGateways])
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            })
            .AddDashboard());
        builder.Services.AddSingleton(keys);
        builder.Services.AddProblemDetails();
        builder.Services.AddDashboardAccess();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapAdminDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardGateway(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
