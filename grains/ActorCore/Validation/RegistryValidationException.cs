namespace Cluster.Grains.ActorCore;

/// <summary>A combiner or cap-layer registry document was rejected.</summary>
public sealed class RegistryValidationException(string field, string reason, Exception? innerException = null)
    : ActorCoreValidationException(field, reason, innerException);
