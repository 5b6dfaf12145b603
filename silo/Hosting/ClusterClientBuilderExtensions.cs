using Cluster.Silo.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Cluster.Silo.Hosting;

public static class ClusterClientBuilderExtensions
{
    /// <summary>
    /// A client of the cluster that <c>Cluster:Redis</c> lists, with its <c>Cluster:ClusterId</c> and
    /// <c>Cluster:ServiceId</c>, over mutual TLS when <c>Cluster:Tls</c> names the cluster certificate.
    /// </summary>
    public static IClientBuilder UseClusterClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = ClusterHostOptions.From(configuration);
        if (options.IsEmbedded)
            throw new ClusterConfigurationException("Cluster:Redis must be set for a cluster client.");
        client.UseRedisClustering(options.Redis!);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        // The client learns that a gateway silo died from the gateway list; reading it every second stops it from
        // routing calls through a hung silo for up to a minute (the default period).
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        if (options.UsesTls)
            client.UseClusterTls(options.Tls);
        client.Services.KeepClusterExceptionTypes();
        client.AddActivityPropagation();
        return client;
    }
}
