using System.Net.Http.Json;
using Cluster.Gateway;
using Cluster.Silo.Hosting;
using Cluster.Tests.Hosting;
using Cluster.Tests.Integration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Cluster.Tests.Dashboard;

/// <summary>
/// Two product silos on Redis clustering and the product gateway joined to them as an Orleans client, shared by the
/// tests of a class. Grain calls go through the gateway's HTTP API, as a game client's would.
/// </summary>
public sealed class DashboardCluster : IAsyncLifetime
{
    public const string AdminKey = "dashboard-test-admin-key";
    public const string ClientKey = "dashboard-test-client-key";
    public const int SiloCount = 2;

    private readonly string _clusterId = "dashboard-" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IHost> _silos = [];
    private WebApplication? _gateway;
    private HttpClient? _http;

    public Uri Address { get; private set; } = null!;

    /// <summary>The grain type and method that <see cref="PlayAsync"/> calls, as the dashboard names them.</summary>
    public string GrainType => typeof(Grains.Compute.AgentService.AgentModelsGrain).FullName!;

    public string GrainMethod => nameof(Grains.Compute.AgentService.AgentModelsGrain.ApplyFeedbackAsync);

    /// <summary>Reports agent feedback for that many task types, each a grain of its own.</summary>
    public async Task PlayAsync(int matches)
    {
        for (var m = 0; m < matches; m++)
        {
            using var response = await _http!.PostAsJsonAsync("/api/v1/agents/feedback", new { taskType = $"dashboard-{m}", agent = "a", success = true, latencyMs = 12 });
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task InitializeAsync()
    {
        string[] cluster = [$"--Cluster:Redis={RedisServer.Endpoint}", $"--Cluster:ClusterId={_clusterId}", "--Logging:LogLevel:Default=Warning"];
        for (var i = 1; i <= SiloCount; i++)
        {
            var builder = Host.CreateApplicationBuilder([.. cluster, $"--Cluster:SiloId=dashboard-silo-{i}"]);
            builder.UseOrleans(silo => silo.UseClusterSilo(builder.Configuration)
                .ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, TestFatalErrorHandler>())));
            var host = builder.Build();
            _silos.Add(host);
            await host.StartAsync();
        }

        _gateway = GatewayApp.Build(["--urls", "http://127.0.0.1:0", $"--Cluster:AdminKey={AdminKey}", $"--Cluster:ApiKeys:0={ClientKey}", .. cluster]);
        await _gateway.StartAsync();
        Address = new Uri(_gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _http = new HttpClient { BaseAddress = Address };
        _http.DefaultRequestHeaders.Add("X-API-Key", ClientKey);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}
