using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Cluster.Silo.Security;

/// <summary>
/// Mutual TLS between cluster members: silos and cluster clients all present the cluster certificate and refuse any
/// peer that presents another certificate or none. The certificate is loaded and checked when this is called, so a
/// misconfigured member fails at start-up with a <see cref="ClusterTlsConfigurationException"/>.
/// </summary>
public static class ClusterTlsHostingExtensions
{
    /// <summary>Secures this silo's silo-to-silo connections, both ways, and its gateway port.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder builder, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var certificate = ClusterCertificateLoader.Load(options);
        return builder.UseTls(certificate, tls => RequireClusterMembers(tls, certificate));
    }

    /// <summary>Secures this client's connections to the silos' gateway ports.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder builder, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var certificate = ClusterCertificateLoader.Load(options);
        return builder.UseTls(certificate, tls => RequireClusterMembers(tls, certificate));
    }

    private static void RequireClusterMembers(TlsOptions tls, X509Certificate2 certificate)
    {
        // A silo demands a certificate from whoever connects; a member that connects always presents its own.
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = new ClusterMemberCertificateValidator(certificate).IsClusterMember;
    }
}
