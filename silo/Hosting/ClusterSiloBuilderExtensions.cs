using System.Net;
using System.Net.Sockets;
using Cluster.Grains;
using Cluster.Grains.ActorCore;
using Cluster.Grains.Chat;
using Cluster.Grains.Cluster;
using Cluster.Grains.Compute.Analytics;
using Cluster.Grains.Knowledge.Hosting;
using Cluster.Grains.Knowledge.Tenants;
using Cluster.Grains.Vision.Devices;
using Cluster.Grains.Vision.Hosting;
using Cluster.Silo.Placement;
using Cluster.Silo.Security;
using Cluster.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Hosting.Kubernetes;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Cluster.Silo.Hosting;

public static class ClusterSiloBuilderExtensions
{
    /// <summary>The role of silos that run vision models (and other accelerator work).</summary>
    public const string VisionRole = "gpu";

    /// <summary>
    /// A silo of this cluster: with <c>Cluster:Redis</c> it joins the cluster that Redis lists (on the ports of
    /// <c>Cluster:ListenEndpoint</c> and <c>Cluster:GatewayPort</c>, over mutual TLS when <c>Cluster:Tls</c> names the
    /// cluster certificate); without it, it is the embedded default, alone on loopback. Then <see cref="AddClusterGrains"/>.
    /// </summary>
    public static ISiloBuilder UseClusterSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = ClusterHostOptions.From(configuration);
        var listen = options.ParsedListenEndpoint;
        var siloPort = listen.Port == 0 ? FreePort.On(listen.Address) : listen.Port;
        if (options.IsEmbedded)
        {
            silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
        else
        {
            var gatewayPort = options.GatewayPort == 0 ? FreePort.On(listen.Address) : options.GatewayPort;
            silo.UseRedisClustering(options.Redis!);
            if (options.Kubernetes)
                UseKubernetesPod(silo, siloPort, gatewayPort);
            else
                UseEndpoints(silo, options, listen.Address, siloPort, gatewayPort);
            if (options.UsesTls)
                silo.UseClusterTls(options.Tls);
        }

        silo.Configure<ClusterMembershipOptions>(FailureDetection.Tune);
        return silo.AddClusterGrains(configuration, options);
    }

    private static void UseEndpoints(ISiloBuilder silo, ClusterHostOptions options, IPAddress address, int siloPort, int gatewayPort)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        if (address.Equals(IPAddress.Any))
            silo.ConfigureEndpoints(Dns.GetHostName(), siloPort, gatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
        else
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
    }

    /// <summary>
    /// Orleans' Kubernetes hosting names the silo after its pod, advertises the pod's address, takes the cluster and
    /// service ids from the pod's labels and deletes the membership of silos whose pods are gone; only the ports are ours.
    /// </summary>
    private static void UseKubernetesPod(ISiloBuilder silo, int siloPort, int gatewayPort)
    {
        silo.UseKubernetesHosting();
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
            // Orleans' default, which runs before the hosting's, would otherwise advertise the machine's first
            // address, and the hosting keeps an address once one is set.
            if (IPAddress.TryParse(Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodIPEnvironmentVariable), out var pod))
                o.AdvertisedIPAddress = pod;
        });
    }

    /// <summary>
    /// What every silo of this cluster hosts, whatever its membership: the grains' services, their storage and
    /// reminders, role placement, call statistics, the dashboard's collectors and grain-call tracing.
    /// </summary>
    public static ISiloBuilder AddClusterGrains(this ISiloBuilder silo, IConfiguration configuration, ClusterHostOptions? options = null)
    {
        options ??= ClusterHostOptions.From(configuration);
        silo.Configure<SiloOptions>(o => o.SiloName = options.SiloId);
        var siloMetadata = new Dictionary<string, string> { [SiloIdentity.RoleMetadataKey] = string.Join(',', options.Roles) };
        // A gpu silo serves vision on its devices; listing them in its metadata lets the cluster find their managers.
        if (options.Roles.Contains(VisionRole))
            siloMetadata[VisionDevices.MetadataKey] = string.Join(',', silo.Services.AddVision(configuration).DeviceIds());
        silo.UseSiloMetadata(siloMetadata);
        silo.Services.AddSingleton(new SiloIdentity(options.SiloId, options.Roles.ToArray()));
        silo.Services.AddPlacementDirector<PerSiloPlacementStrategy, PerSiloPlacementDirector>();
        silo.Services.AddPlacementFilter<SiloRolePlacementFilterStrategy, SiloRolePlacementFilterDirector>(ServiceLifetime.Singleton);
        silo.Services.AddSingleton<GrainCallStatistics>();
        silo.AddIncomingGrainCallFilter<GrainCallStatisticsFilter>();
        silo.Services.KeepClusterExceptionTypes();
        AddStorage(silo, options.Storage);
        silo.Services.AddActorCore(configuration);
        silo.Services.AddExecutionAnalytics(configuration);
        silo.Services.AddKnowledge(configuration);
        silo.Services.AddChat(configuration);
        silo.Services.AddTenants(configuration);
        silo.AddDashboard();
        silo.AddActivityPropagation();
        return silo;
    }

    private static void AddStorage(ISiloBuilder silo, StorageOptions storage)
    {
        if (storage.IsPostgres)
        {
            silo.AddClusterPostgresStorage(storage.ConnectionString!, [.. GrainStorageNames.All]);
            return;
        }

        // The same JSON as on PostgreSQL, so the embedded default stores exactly what a cluster would.
        var json = new JsonGrainStorageSerializer();
        foreach (var name in GrainStorageNames.All)
            silo.AddMemoryGrainStorage(name, o => o.GrainStorageSerializer = json);
        silo.UseInMemoryReminderService();
    }
}
