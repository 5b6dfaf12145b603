using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Cluster.Silo.Security;

/// <summary>
/// Accepts a TLS peer only if it presents the cluster certificate itself. The handshake has already proven that the
/// peer holds the certificate's private key, so an identical certificate means a cluster member.
/// </summary>
internal sealed class ClusterMemberCertificateValidator(X509Certificate2 clusterCertificate)
{
    /// <remarks>
    /// The platform's verdict is ignored on purpose: a self-signed certificate never chains to a trusted root and
    /// members connect by address, not by name, so chain and name errors say nothing about membership.
    /// </remarks>
    public bool IsClusterMember(X509Certificate2 peerCertificate, X509Chain? chain, SslPolicyErrors policyErrors)
    {
        var now = DateTime.Now;
        return peerCertificate.RawDataMemory.Span.SequenceEqual(clusterCertificate.RawDataMemory.Span)
               && now >= peerCertificate.NotBefore
               && now <= peerCertificate.NotAfter;
    }
}
