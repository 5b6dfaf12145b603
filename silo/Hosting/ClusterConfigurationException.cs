namespace Cluster.Silo.Hosting;

/// <summary>The cluster settings cannot be used; the message names the setting and what it needs.</summary>
public sealed class ClusterConfigurationException(string message) : Exception(message);
