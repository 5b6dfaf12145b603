using Cluster.Grains.ActorCore;
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
    /// Hosts a silo in this process, configured from section "Cluster" (env: Cluster__…): options, roles, storage,
    /// and membership — Redis when Cluster:Redis is set (the silo then listens on Cluster:ListenEndpoint), else
    /// in-process (the embedded default). Grains get their services from this container.
    /// </summary>
    public static IServiceCollection AddClusterSilo(this IServiceCollection services, IConfiguration configuration)
    {
        GrainRegistry.Load(Grains.GrainsAssembly.Assembly);
        var section = configuration.GetSection("Cluster");
        var options = section.Get<SiloOptions>() ?? new SiloOptions();
        var storageOptions = section.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var redis = section["Redis"];
        if (!string.IsNullOrWhiteSpace(redis) && string.IsNullOrWhiteSpace(options.ListenEndpoint))
            options.ListenEndpoint = "127.0.0.1:0";
        services.AddSingleton(options);
        services.AddSingleton(storageOptions);
        services.AddSingleton<GrainStorageRegistry>();
        services.AddSingleton(sp => Membership(redis, options.ClusterId, sp));
        services.AddSingleton(sp => new Runtime.Hosting.Silo(options, sp, sp.GetRequiredService<GrainStorageRegistry>(),
            sp.GetRequiredService<IClusterMembership>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<Runtime.Hosting.Silo>().GrainFactory);
        services.AddSingleton<IMembershipView>(sp => sp.GetRequiredService<IClusterMembership>());
        services.AddActorCore(configuration);
        services.AddExecutionAnalytics(configuration);
        services.AddHostedService<SiloHostedService>();
        return services;
    }

    /// <summary>
    /// Joins a cluster as a client (hosts no grains): follows membership in Redis (Cluster:Redis) and sends calls
    /// straight to the grains' silos. Needs Cluster:ClusterId and Cluster:SharedSecret to match the silos'.
    /// </summary>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, IConfiguration configuration)
    {
        GrainRegistry.Load(Grains.GrainsAssembly.Assembly);
        var section = configuration.GetSection("Cluster");
        var redis = section["Redis"] ?? throw new InvalidOperationException("Cluster:Redis must be set for a cluster client.");
        var options = new ClusterClientOptions
        {
            ClusterId = section["ClusterId"] ?? "dev",
            SharedSecret = section["SharedSecret"] ?? "",
            CallTimeout = section.GetValue("CallTimeout", TimeSpan.FromSeconds(30)),
        };
        services.AddSingleton(sp => Membership(redis, options.ClusterId, sp));
        services.AddSingleton(sp => new ClusterClient(options, sp.GetRequiredService<IClusterMembership>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>().GrainFactory);
        services.AddSingleton<IMembershipView>(sp => sp.GetRequiredService<IClusterMembership>());
        services.AddHostedService<ClusterClientHostedService>();
        return services;
    }

    private static IClusterMembership Membership(string? redis, string clusterId, IServiceProvider sp) =>
        string.IsNullOrWhiteSpace(redis)
            ? new InProcessMembership()
            : new RedisMembership(new RedisMembershipOptions
            {
                ConnectionString = redis,
                ClusterId = clusterId,
                Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Cluster.Membership"),
            });
}
