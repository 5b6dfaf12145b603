using Microsoft.Extensions.Configuration;

namespace Cluster.Silo.Security;

/// <summary>
/// Where the cluster certificate lives: section "Cluster:Tls" (env: Cluster__Tls__…). Every silo and every cluster
/// client is given the same certificate, and each accepts a peer only if the peer presents that certificate.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = "Cluster:Tls";

    /// <summary>The certificate: PEM (private key in <see cref="KeyPath"/> or in the same file) or PKCS#12 (.pfx).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM certificate; unset when the certificate file holds the key too.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PKCS#12 file or of an encrypted PEM key; unset when neither is encrypted.</summary>
    public string? Password { get; set; }

    /// <summary>Reads section "Cluster:Tls"; the values are checked when the certificate is loaded.</summary>
    public static ClusterTlsOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
    }
}
