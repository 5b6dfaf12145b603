using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cluster.Tests.Hosting;

/// <summary>
/// Real Orleans clusters in this process (TestingHost), each silo configured as the product configures its silos
/// (<see cref="Silo.Hosting.ClusterSiloBuilderExtensions.AddClusterGrains"/>): in-memory storage unless the settings
/// name PostgreSQL.
/// </summary>
public static class TestClusters
{
    /// <summary>Setting that lists the silos (by TestingHost name: Primary, Secondary_1, …) that get the gpu role.</summary>
    public const string GpuSilosSetting = "Test:GpuSilos";

    private const string ServicesSetting = "Test:Services";

    private static readonly ConcurrentDictionary<string, Action<IServiceCollection>> Services = new();

    /// <param name="services">Registrations that take precedence over the product's, on every silo.</param>
    public static async Task<TestCluster> StartAsync(
        int silos = 1,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (services is not null)
        {
            var key = Guid.NewGuid().ToString("N");
            Services[key] = services;
            all[ServicesSetting] = key;
        }

        // Clusters that name a service share its stored state, as a redeployed cluster does.
        if (all.TryGetValue("Cluster:ServiceId", out var serviceId) && serviceId is not null)
            builder.Options.ServiceId = serviceId;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(all));
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    internal static Action<IServiceCollection>? ServicesFor(IConfiguration configuration) =>
        configuration[ServicesSetting] is { } key && Services.TryGetValue(key, out var services) ? services : null;
}
