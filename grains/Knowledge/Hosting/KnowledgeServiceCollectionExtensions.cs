using Cluster.Grains.Knowledge.Embeddings;
using Cluster.Grains.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Knowledge.Hosting;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The services of the knowledge grains: options from "Cluster:Knowledge" (validated now), the store (PostgreSQL
    /// at <c>Cluster:Storage:ConnectionString</c> when <c>Cluster:Storage:Provider</c> is PostgreSQL, its tables
    /// created at start-up; else in this process's memory), and the scan that finishes documents a stopped silo left.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = (configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>() ?? new KnowledgeOptions()).Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmbedderCatalog>();
        if (ConnectionString(configuration) is { } connectionString)
        {
            services.AddSingleton(_ => new PostgresKnowledgeStore(connectionString));
            services.AddSingleton<IKnowledgeStore>(sp => sp.GetRequiredService<PostgresKnowledgeStore>());
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new KnowledgeSchemaStartup(sp.GetRequiredService<PostgresKnowledgeStore>()));
        }
        else
        {
            services.AddSingleton<IKnowledgeStore, MemoryKnowledgeStore>();
        }
        services.AddSingleton<IngestionRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<IngestionRecovery>());
        return services;
    }

    private static string? ConnectionString(IConfiguration configuration)
    {
        var provider = configuration["Cluster:Storage:Provider"];
        var postgres = string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);
        return postgres && configuration["Cluster:Storage:ConnectionString"] is { Length: > 0 } storage ? storage : null;
    }
}
