using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cluster.Grains.ActorCore;

public static class ActorCoreServiceCollectionExtensions
{
    /// <summary>
    /// The services of the actor-core grains: options from section "Cluster:ActorCore", the default registry,
    /// the silo-local registry view, and the server subsystems with the built-in <see cref="LifecycleSubsystem"/>.
    /// </summary>
    public static IServiceCollection AddActorCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = configuration?.GetSection(ActorCoreOptions.Section).Get<ActorCoreOptions>() ?? new ActorCoreOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton<DefaultRegistry>();
        services.TryAddSingleton<IRegistryView, RegistryView>();
        services.TryAddSingleton<ServerSubsystems>();
        return services.AddServerSubsystem<LifecycleSubsystem>();
    }

    /// <summary>Adds a server subsystem whose output every actor's snapshot includes.</summary>
    public static IServiceCollection AddServerSubsystem<T>(this IServiceCollection services)
        where T : class, IServerSubsystem
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerSubsystem, T>());
        return services;
    }
}
