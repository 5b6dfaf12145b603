using Orleans;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>The execution store cannot be used: its database is unreachable or refused the schema.</summary>
[GenerateSerializer]
[Alias("Compute.Analytics.ExecutionStoreException")]
public sealed class ExecutionStoreException(string message, Exception? inner = null) : Exception(message, inner);
