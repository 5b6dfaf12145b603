using Xunit;
using System.Net;
using Cluster.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Cluster.Tests.Deploy;

/// <summary>The silo process as the images run it: its probes, and the settings containers and Kubernetes give it.</summary>
public sealed class SiloHostingTests
{
    [Fact]
    public async Task Silo_answers_healthz_and_readyz_on_a_free_loopback_port_once_it_is_an_active_member()
    {
        await using var app = SiloApp.Build(["--Cluster:ClusterId=health-probe"]);
        await app.StartAsync();
        var address = new Uri(Assert.Single(app.Urls));
        using var http = new HttpClient { BaseAddress = address };

        var health = await http.GetAsync("/healthz");
        var ready = await http.GetAsync("/readyz");
        await app.StopAsync();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Listening_on_every_interface_is_a_valid_silo_address()
    {
        var options = ClusterHostOptions.From(Settings(("Cluster:Redis", "redis:6379"), ("Cluster:ListenEndpoint", "0.0.0.0:11111")));

        Assert.Equal(IPAddress.Any, options.ParsedListenEndpoint.Address);
        Assert.Equal(11111, options.ParsedListenEndpoint.Port);
    }

    [Fact]
    public void Kubernetes_hosting_without_redis_is_refused_by_name()
    {
        var error = Assert.Throws<ClusterConfigurationException>(() => ClusterHostOptions.From(Settings(("Cluster:Kubernetes", "true"))));

        Assert.Contains("Cluster:Kubernetes needs Cluster:Redis", error.Message);
    }

    [Fact]
    public void Under_kubernetes_hosting_a_silo_takes_its_name_address_and_ids_from_the_pod()
    {
        var pod = new Dictionary<string, string>
        {
            [KubernetesHostingOptions.PodNameEnvironmentVariable] = "cluster-silo-7d9f-x2k4p",
            [KubernetesHostingOptions.PodNamespaceEnvironmentVariable] = "cluster",
            [KubernetesHostingOptions.PodIPEnvironmentVariable] = "10.1.2.3",
            [KubernetesHostingOptions.ClusterIdEnvironmentVariable] = "blue",
            [KubernetesHostingOptions.ServiceIdEnvironmentVariable] = "game",
        };
        foreach (var (name, value) in pod)
            System.Environment.SetEnvironmentVariable(name, value);
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection([
                new("Cluster:Kubernetes", "true"), new("Cluster:Redis", "redis:6379"),
                new("Cluster:ListenEndpoint", "0.0.0.0:11111"), new("Cluster:GatewayPort", "30000")]);
            builder.UseOrleans(silo => silo.UseClusterSilo(builder.Configuration));
            using var host = builder.Build();

            var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
            var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
            Assert.Equal("cluster-silo-7d9f-x2k4p", host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
            Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.AdvertisedIPAddress);
            Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
            Assert.Equal(30000, endpoints.GatewayPort);
            Assert.Equal(("blue", "game"), (cluster.ClusterId, cluster.ServiceId));
        }
        finally
        {
            foreach (var name in pod.Keys)
                System.Environment.SetEnvironmentVariable(name, null);
        }
    }

    private static IConfiguration Settings(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
