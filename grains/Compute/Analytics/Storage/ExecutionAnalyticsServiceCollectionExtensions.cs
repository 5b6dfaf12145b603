using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cluster.Grains.Compute.Analytics;

public static class ExecutionAnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the execution store the analytics grains use: PostgreSQL at <c>Cluster:Analytics:ConnectionString</c>
    /// when it is set, else at <c>Cluster:Storage:ConnectionString</c> when <c>Cluster:Storage:Provider</c> is PostgreSQL
    /// (the table is created at start-up when missing), else in this process's memory.
    /// </summary>
    public static IServiceCollection AddExecutionAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        if (ConnectionString(configuration) is not { } connectionString)
        {
            services.AddSingleton<IExecutionStore, MemoryExecutionStore>();
            return services;
        }
        services.AddSingleton(_ => new PostgresExecutionStore(connectionString));
        services.AddSingleton<IExecutionStore>(sp => sp.GetRequiredService<PostgresExecutionStore>());
        services.AddHostedService<ExecutionSchemaStartup>();
        return services;
    }

    private static string? ConnectionString(IConfiguration configuration)
    {
        if (configuration["Cluster:Analytics:ConnectionString"] is { Length: > 0 } analytics)
            return analytics;
        var provider = configuration["Cluster:Storage:Provider"];
        var postgres = string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);
        return postgres && configuration["Cluster:Storage:ConnectionString"] is { Length: > 0 } storage ? storage : null;
    }
}
