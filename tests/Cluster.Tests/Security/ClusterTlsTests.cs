using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cluster.Silo.Security;
using Cluster.Tests.Hosting;
using Cluster.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Runtime.Messaging;
using StackExchange.Redis;
using Xunit;

namespace Cluster.Tests.Security;

/// <summary>
/// Mutual TLS on silo and gateway ports (<see cref="ClusterTlsHostingExtensions"/>): silos and clients hosted in this
/// process on Redis clustering, each test in a cluster of its own, with certificates written as PEM files and loaded
/// the way the product loads them.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    /// <summary>
    /// A refusal is a failed handshake on each of three connection attempts: well under a second on an idle machine,
    /// about two with the CPUs oversubscribed. Orleans gives up on an attempt after 5 s, which bounds a stalled one.
    /// </summary>
    private static readonly TimeSpan RefusalBound = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("cluster-tls-test-").FullName;
    private readonly string _clusterId = "tls-" + Guid.NewGuid().ToString("N");
    private readonly List<IHost> _hosts = [];
    private ClusterTlsOptions _clusterTls = new();

    public enum Intruder
    {
        PlainTcp,
        TlsWithoutCertificate,
        TlsWithAnotherCertificate,
    }

    public Task InitializeAsync()
    {
        _clusterTls = WriteCertificate("cluster");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Members_holding_the_cluster_certificate_call_grains_across_silos()
    {
        await StartSiloAsync();
        await StartSiloAsync();
        var client = await StartMemberClientAsync();

        var management = client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var silos = await ActiveSilosAsync(management, expected: 2);
        // Statistics come from each silo's own control target: the call reaches the other silo over silo-to-silo TLS.
        var statistics = await management.GetRuntimeStatistics(silos);

        Assert.Equal(2, statistics.Length);
    }

    [Theory]
    [InlineData(Intruder.PlainTcp)]
    [InlineData(Intruder.TlsWithoutCertificate)]
    [InlineData(Intruder.TlsWithAnotherCertificate)]
    public async Task A_client_without_the_cluster_certificate_is_refused(Intruder intruder)
    {
        await StartSiloAsync();
        // A member connects first, so the gateway is known to be up and the intruder's failure is the refusal.
        var member = await StartMemberClientAsync();
        await ActiveSilosAsync(member.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0), expected: 1);

        using var client = ClientHost(builder =>
        {
            // Two quick retries: a refusal has to hold on every attempt, and the default back-off would take minutes.
            var retries = 0;
            builder.UseConnectionRetryFilter((_, _) => Task.FromResult(Interlocked.Increment(ref retries) <= 2));
            switch (intruder)
            {
                case Intruder.TlsWithoutCertificate:
                    // Trusts any silo, so only the silo's own check can keep it out.
                    builder.UseTls(tls =>
                    {
                        tls.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
                        tls.AllowAnyRemoteCertificate();
                    });
                    break;
                case Intruder.TlsWithAnotherCertificate:
                    // Same subject and usages as the cluster certificate, another key; trusts any silo.
                    builder.UseTls(ClusterCertificateLoader.Load(WriteCertificate("intruder")), tls => tls.AllowAnyRemoteCertificate());
                    break;
            }
        });
        using var timeout = new CancellationTokenSource(StartTimeout);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<ConnectionFailedException>(() => client.StartAsync(timeout.Token));

        Assert.True(clock.Elapsed < RefusalBound, $"The refusal took {clock.Elapsed}, more than {RefusalBound}.");
    }

    private async Task StartSiloAsync()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        builder.UseOrleans(silo => silo
            .UseRedisClustering(ConfigureRedis)
            .Configure<ClusterOptions>(ConfigureCluster)
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort)
            .UseClusterTls(_clusterTls)
            .ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, TestFatalErrorHandler>())));
        await StartAsync(builder.Build());
    }

    private async Task<IHost> StartMemberClientAsync() =>
        await StartAsync(ClientHost(builder => builder.UseClusterTls(_clusterTls)));

    private IHost ClientHost(Action<IClientBuilder> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(ConfigureRedis).Configure<ClusterOptions>(ConfigureCluster);
            configure(client);
        });
        return builder.Build();
    }

    private async Task<IHost> StartAsync(IHost host)
    {
        _hosts.Add(host);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await host.StartAsync(timeout.Token);
        return host;
    }

    private static async Task<SiloAddress[]> ActiveSilosAsync(IManagementGrain management, int expected)
    {
        // Each silo reads the membership table on its own schedule, so the latest joiner can take a moment to show.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var active = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
            if (active.Length == expected || deadline.Elapsed > StartTimeout)
            {
                Assert.Equal(expected, active.Length);
                return active;
            }
            await Task.Delay(200);
        }
    }

    private void ConfigureCluster(ClusterOptions options)
    {
        options.ClusterId = _clusterId;
        options.ServiceId = "cluster-tls-tests";
    }

    private static void ConfigureRedis(RedisClusteringOptions options)
    {
        options.ConfigurationOptions = ConfigurationOptions.Parse(RedisServer.Endpoint);
        // Every test leaves a cluster of its own behind; let Redis forget it.
        options.EntryExpiry = TimeSpan.FromHours(1);
    }

    private ClusterTlsOptions WriteCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=cluster", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var options = new ClusterTlsOptions
        {
            CertificatePath = Path.Combine(_directory, name + ".crt"),
            KeyPath = Path.Combine(_directory, name + ".key"),
        };
        File.WriteAllText(options.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(options.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return options;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        // Clients before silos, newest first.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _hosts[i].StopAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // Past the timeout a silo stops without leaving gracefully; its cluster is thrown away anyway.
            }
            finally
            {
                _hosts[i].Dispose();
            }
        }
        Directory.Delete(_directory, recursive: true);
    }
}
