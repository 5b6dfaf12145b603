using System.Net.Http.Headers;
using Cluster.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cluster.Tests.Gateway;

/// <summary>The real gateway with its embedded silo on a free loopback port, and clients for it.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    public const string ClientKey = "test-client-key";

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<GatewayHost> StartAsync(params string[] extraArgs) => StartAsync(_ => { }, extraArgs);

    /// <param name="map">Maps routes only a test needs (e.g. a probe behind a filter) before the gateway starts.</param>
    public static async Task<GatewayHost> StartAsync(Action<WebApplication> map, params string[] extraArgs)
    {
        var app = GatewayApp.Build([
            "--urls", "http://127.0.0.1:0",
            $"--Cluster:AdminKey={AdminKey}",
            $"--Cluster:ApiKeys:0={ClientKey}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ]);
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new Uri(address));
    }

    public HttpClient Client(string? key = ClientKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient Admin() => Client(AdminKey);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
