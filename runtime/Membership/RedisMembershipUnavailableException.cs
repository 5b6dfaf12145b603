namespace Cluster.Runtime.Membership;

/// <summary>Redis could not be reached when a silo joined or a client started observing the cluster.</summary>
public sealed class RedisMembershipUnavailableException(string endpoints, Exception inner)
    : Exception($"The membership store at {endpoints} is unreachable ({inner.Message}). Check Membership:ConnectionString and that redis-server is running.", inner);
