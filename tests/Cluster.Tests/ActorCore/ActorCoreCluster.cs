using Cluster.Grains.ActorCore;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Storage;
using Cluster.Runtime.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cluster.Tests.ActorCore;

/// <summary>A test cluster with the actor-core grains and their services.</summary>
internal static class ActorCoreCluster
{
    /// <param name="services">Registrations that take precedence over the actor-core defaults.</param>
    public static Task<TestCluster> StartAsync(
        IGrainStorage? storage = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        int silos = 1)
    {
        GrainRegistry.Load(Grains.GrainsAssembly.Assembly);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return TestCluster.StartAsync(o =>
        {
            o.Silos = silos;
            o.ConfigureServices = s =>
            {
                services?.Invoke(s);
                s.AddActorCore(configuration);
            };
            if (storage is not null)
            {
                o.Storage = storage;
            }
        });
    }
}
