using Microsoft.Extensions.Hosting;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>Creates the PostgreSQL execution table at start-up, before the silo takes calls, so a bad connection fails the start.</summary>
internal sealed class ExecutionSchemaStartup(PostgresExecutionStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.CreateSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
