using Cluster.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cluster.Tests.ActorCore;

/// <summary>A test cluster with the actor-core grains and their services, configured from <paramref name="settings"/>.</summary>
internal static class ActorCoreCluster
{
    /// <param name="services">Registrations that take precedence over the actor-core defaults.</param>
    public static Task<TestCluster> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        int silos = 1) =>
        TestClusters.StartAsync(silos, settings, services);
}
