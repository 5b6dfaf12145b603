using System.Net;
using System.Net.Sockets;
using Cluster.Gateway.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Dashboard;
using Orleans.Hosting;
using Xunit;

namespace Cluster.Tests.Dashboard;

/// <summary>
/// Two silos on loopback with the dashboard added, and a gateway that serves it to admins, shared by the tests of a
/// class. The tests need only what this exposes: the gateway's address, its keys, the silo count, and a way to make
/// grain calls that the dashboard then reports.
/// </summary>
public sealed class DashboardCluster : IAsyncLifetime
{
    public const string AdminKey = "dashboard-test-admin-key";
    public const string ClientKey = "dashboard-test-client-key";
    public const int SiloCount = 2;

    private const string ClusterId = "dashboard-test";
    private const string ServiceId = "dashboard-test";

    private readonly List<IHost> _silos = [];
    private DashboardGateway? _gateway;

    public Uri Address => _gateway!.Address;

    /// <summary>The grain type and method that <see cref="PlayAsync"/> calls, as the dashboard names them.</summary>
    public string GrainType => typeof(MatchScoreGrain).FullName!;

    public string GrainMethod => nameof(IMatchScoreGrain.RecordPointsAsync);

    /// <summary>Records points in that many matches, each a grain of its own.</summary>
    public Task PlayAsync(int matches)
    {
        var grains = _silos[0].Services.GetRequiredService<IGrainFactory>();
        return Task.WhenAll(Enumerable.Range(0, matches).Select(m => grains.GetGrain<IMatchScoreGrain>(m).RecordPointsAsync(3)));
    }

    public async Task InitializeAsync()
    {
        var siloPorts = FreePorts(SiloCount);
        var gatewayPorts = FreePorts(SiloCount);
        var primary = new IPEndPoint(IPAddress.Loopback, siloPorts[0]);
        for (var i = 0; i < SiloCount; i++)
        {
            var builder = Host.CreateApplicationBuilder(["--Logging:LogLevel:Default=Warning"]);
            var (siloPort, gatewayPort) = (siloPorts[i], gatewayPorts[i]);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort, gatewayPort, primary, ServiceId, ClusterId)
                .AddDashboard());
            var host = builder.Build();
            _silos.Add(host);
            await host.StartAsync();
        }
        _gateway = await DashboardGateway.StartAsync(ClusterId, ServiceId,
            gatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p)), new ApiKeys(AdminKey, [ClientKey]));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        // The primary silo goes last: the others find the cluster through it.
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
