namespace Cluster.Grains.Knowledge.Hosting;

/// <summary>A knowledge setting is out of range; the silo does not start.</summary>
public sealed class KnowledgeConfigurationException(string message) : Exception(message);
