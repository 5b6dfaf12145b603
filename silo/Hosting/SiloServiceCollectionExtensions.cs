using Cluster.Grains.Compute.Analytics;
using Cluster.Runtime;
using Cluster.Runtime.Catalog;
using Cluster.Runtime.Hosting;
using Cluster.Runtime.Membership;
using Cluster.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cluster.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Hosts a silo in this process, configured from section "Cluster" (env: Cluster__…): options, roles, storage.
    /// Grain classes of <see cref="Grains.GrainsAssembly"/> are loaded; grains get their services from this container.
    /// </summary>
    public static IServiceCollection AddClusterSilo(this IServiceCollection services, IConfiguration configuration)
    {
        GrainRegistry.Load(Grains.GrainsAssembly.Assembly);
        var section = configuration.GetSection("Cluster");
        var options = section.Get<SiloOptions>() ?? new SiloOptions();
        var storageOptions = section.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddSingleton(storageOptions);
        services.AddSingleton<GrainStorageRegistry>();
        services.AddSingleton<InProcessMembership>();
        services.AddSingleton(sp => new Runtime.Hosting.Silo(options, sp, sp.GetRequiredService<GrainStorageRegistry>(),
            sp.GetRequiredService<InProcessMembership>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<Runtime.Hosting.Silo>().GrainFactory);
        services.AddSingleton<IMembershipView>(sp => sp.GetRequiredService<Runtime.Hosting.Silo>().Membership);
        services.AddExecutionAnalytics(configuration);
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
