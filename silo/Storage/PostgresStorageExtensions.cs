using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Silo.Storage;

public static class PostgresStorageExtensions
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Keeps grain state (under each of <paramref name="storageNames"/>) and reminders in the PostgreSQL database of
    /// <paramref name="connectionString"/>, through the Orleans ADO.NET providers. The silo applies the schema
    /// (<see cref="PostgresSchema"/>) early in its start-up, before the providers load their statements; state is
    /// stored as JSON by <see cref="JsonGrainStorageSerializer"/>, keyed by the whole grain id.
    /// </summary>
    /// <remarks>
    /// To change the JSON options, register a <see cref="JsonGrainStorageSerializer"/> singleton of your own.
    /// Rows are scoped by <see cref="ClusterOptions.ServiceId"/>, which must therefore stay the same across deployments.
    /// </remarks>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="storageNames">The storage names grains use in <c>[PersistentState(stateName, storageName)]</c>.</param>
    public static ISiloBuilder AddClusterPostgresStorage(this ISiloBuilder silo, string connectionString, params string[] storageNames)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(storageNames);
        if (storageNames.Length == 0 || storageNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException(
                "Name each grain storage to keep in PostgreSQL, as grains name it in [PersistentState(stateName, storageName)].",
                nameof(storageNames));
        }

        var services = silo.Services;
        services.TryAddSingleton(_ => new JsonGrainStorageSerializer());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp =>
            new PostgresSchema(connectionString, sp.GetRequiredService<ILogger<PostgresSchema>>()));

        foreach (var storageName in storageNames)
        {
            silo.AddAdoNetGrainStorage(storageName, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
                options.Configure<JsonGrainStorageSerializer>((storage, serializer) =>
                {
                    storage.Invariant = NpgsqlInvariant;
                    storage.ConnectionString = connectionString;
                    storage.GrainStorageSerializer = serializer;
                }));

            // The provider's own registration resolves the storage by name for its lifecycle hook, so replacing the
            // named storage with the wrapper keeps the provider's start-up (loading its statements) in place.
            services.RemoveAllKeyed<IGrainStorage>(storageName);
            services.AddKeyedSingleton<IGrainStorage>(storageName, (sp, key) =>
                new GrainIdKeyedStorage(AdoNetGrainStorageFactory.Create(sp, (string)key!)));
        }

        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = NpgsqlInvariant;
            reminders.ConnectionString = connectionString;
        });
        return silo;
    }
}
