using Cluster.Runtime.Hosting;
using Microsoft.Extensions.Hosting;

namespace Cluster.Silo.Hosting;

/// <summary>Connects the cluster client with the host and disconnects it when the host stops.</summary>
internal sealed class ClusterClientHostedService(ClusterClient client) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => client.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await client.DisposeAsync();
        await client.Membership.DisposeAsync();
    }
}
