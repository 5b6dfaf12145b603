namespace Cluster.Silo.Security;

/// <summary>
/// The cluster certificate named by "Cluster:Tls" cannot be used: a path is unset or missing, a file is unreadable,
/// the key does not match, or the certificate is expired or not meant for both ends of a connection. Thrown at
/// start-up, so a member never runs unable to join.
/// </summary>
public sealed class ClusterTlsConfigurationException : Exception
{
    public ClusterTlsConfigurationException(string message)
        : base(message)
    {
    }

    public ClusterTlsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
