using Cluster.Runtime.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cluster.Silo.Hosting;

/// <summary>
/// Starts the silo with the host (storage first) and stops it gracefully when the host stops. A silo the cluster
/// declared dead stops serving and ends its process, so a supervisor can start a fresh one.
/// </summary>
internal sealed class SiloHostedService(
    Runtime.Hosting.Silo silo, GrainStorageRegistry storage, StorageOptions storageOptions, IHostApplicationLifetime lifetime, ILogger<SiloHostedService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        storage.Default = await GrainStorageFactory.CreateAsync(storageOptions, cancellationToken);
        logger.LogInformation("Grain storage: {Provider}", storageOptions.Provider);
        silo.Membership.DeclaredDead += lifetime.StopApplication;
        await silo.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await silo.StopAsync(cancellationToken);
        await silo.Membership.DisposeAsync();
        foreach (var s in storage.All)
            if (s is IAsyncDisposable d)
                await d.DisposeAsync();
    }
}
