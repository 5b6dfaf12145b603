using System.Net;
using Cluster.Silo.Security;

namespace Cluster.Silo.Hosting;

/// <summary>How a silo or a gateway joins the cluster: configuration section "Cluster" (env: Cluster__…).</summary>
public sealed class ClusterHostOptions
{
    public const string Section = "Cluster";

    /// <summary>The silo's name, shown by the admin endpoints and the dashboard; generated when empty.</summary>
    public string SiloId { get; set; } = "";

    /// <summary>Silos and clients of one cluster share it; a client with another id is refused.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Names the service whose grain state and reminders the cluster keeps; stable across deployments.</summary>
    public string ServiceId { get; set; } = "cluster";

    /// <summary>The silo's roles, for example "gpu"; grain types with [RequireSiloRole] activate only on silos that have it.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The Redis server that holds membership (host:port or a StackExchange.Redis configuration string). Empty: the embedded default.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The address the silo listens on for silos and advertises to them, as IP:port ("127.0.0.1:11111"); port 0 picks a
    /// free port. 0.0.0.0 listens on every interface and advertises the address the machine's host name resolves to,
    /// as in a container whose address is known only once it runs. Its gateway port (for clients) is <see cref="GatewayPort"/>.
    /// </summary>
    public string ListenEndpoint { get; set; } = "127.0.0.1:0";

    /// <summary>The port clients connect to; 0 picks a free port.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The silo runs in a Kubernetes pod: its name and advertised address come from the pod (POD_NAME, POD_IP), its
    /// cluster and service ids from the pod's orleans/clusterId and orleans/serviceId labels (ORLEANS_CLUSTER_ID,
    /// ORLEANS_SERVICE_ID), and it removes the membership of silos whose pods are gone. Membership stays in Redis.
    /// </summary>
    public bool Kubernetes { get; set; }

    public StorageOptions Storage { get; set; } = new();

    /// <summary>The cluster certificate; when set, silos and clients talk only over mutual TLS with it.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();

    public bool UsesTls => !string.IsNullOrWhiteSpace(Tls.CertificatePath);

    public bool IsEmbedded => string.IsNullOrWhiteSpace(Redis);

    public static ClusterHostOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new ClusterHostOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(Section), options);
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.SiloId))
            options.SiloId = options.Kubernetes ? PodName() : $"silo-{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        return options;
    }

    public IPEndPoint ParsedListenEndpoint => IPEndPoint.Parse(ListenEndpoint);

    /// <summary>The name Orleans' Kubernetes hosting gives the silo: the pod's, whose host name it also is.</summary>
    private static string PodName() =>
        Environment.GetEnvironmentVariable(Orleans.Hosting.Kubernetes.KubernetesHostingOptions.PodNameEnvironmentVariable) is { Length: > 0 } pod
            ? pod
            : Environment.MachineName;

    private void Validate()
    {
        if (!IPEndPoint.TryParse(ListenEndpoint, out _))
            throw new ClusterConfigurationException($"{Section}:ListenEndpoint '{ListenEndpoint}' must be an IP:port address, for example 127.0.0.1:11111.");
        if (GatewayPort is < 0 or > 65535)
            throw new ClusterConfigurationException($"{Section}:GatewayPort must be between 0 and 65535; got {GatewayPort}.");
        if (string.IsNullOrWhiteSpace(ClusterId))
            throw new ClusterConfigurationException($"{Section}:ClusterId must not be empty.");
        if (string.IsNullOrWhiteSpace(ServiceId))
            throw new ClusterConfigurationException($"{Section}:ServiceId must not be empty.");
        foreach (var role in Roles)
            if (string.IsNullOrWhiteSpace(role) || role.Contains(','))
                throw new ClusterConfigurationException($"{Section}:Roles must not contain empty role names or commas; got '{role}'.");
        if (Kubernetes && IsEmbedded)
            throw new ClusterConfigurationException($"{Section}:Kubernetes needs {Section}:Redis: the silos of a Kubernetes deployment keep their membership in Redis.");
        Storage.Validate();
    }
}
