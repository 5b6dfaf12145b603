using Cluster.Runtime;
using Cluster.Runtime.Storage;

namespace Cluster.Silo.Hosting;

/// <summary>Creates the configured grain storage provider.</summary>
public static class GrainStorageFactory
{
    public static async Task<IGrainStorage> CreateAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        switch (options.Provider.ToLowerInvariant())
        {
            case "memory":
                return new MemoryGrainStorage();
            case "postgresql":
            case "postgres":
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                    throw new GrainStorageException("Cluster:Storage:ConnectionString is required when Cluster:Storage:Provider is PostgreSQL.");
                return await PostgresGrainStorage.CreateAsync(options.ConnectionString, cancellationToken);
            default:
                throw new GrainStorageException($"Cluster:Storage:Provider '{options.Provider}' is not supported; use Memory or PostgreSQL.");
        }
    }
}
