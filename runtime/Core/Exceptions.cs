namespace Cluster.Runtime;

/// <summary>A grain call did not complete before its deadline.</summary>
public class GrainCallTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// A call chain came back to a non-reentrant activation that was waiting on that chain, so it could not complete.
/// Mark the grain [Reentrant] or the method [AlwaysInterleave], or break the cycle.
/// </summary>
public sealed class DeadlockException(string message) : GrainCallTimeoutException(message);

/// <summary>
/// The request conflicts with the current state of what it addresses (it changed meanwhile, or is finished); nothing
/// changed. Read the current state and decide again.
/// </summary>
public class ConflictException(string message) : Exception(message);

/// <summary>A state write used an ETag that no longer matches storage; nothing was written.</summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? currentEtag) : ConflictException(message)
{
    public InconsistentStateException(string message)
        : this(message, null, null)
    {
    }

    public string? StoredEtag { get; } = storedEtag;

    public string? CurrentEtag { get; } = currentEtag;
}

/// <summary>No grain class implements the requested interface, or the grain cannot be activated.</summary>
public sealed class GrainActivationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A value could not be copied or serialized for a grain call.</summary>
public sealed class GrainSerializationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A storage provider named by a grain is not configured, or storage failed.</summary>
public sealed class GrainStorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The silo is stopping or stopped and accepts no new calls.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);

/// <summary>No active silo can host the grain (for example none has the role its type requires).</summary>
public sealed class NoCompatibleSiloException(string message) : Exception(message);

/// <summary>
/// A call could not reach the grain's silo because membership changed under it (the silo died or the grain moved
/// too many times). Nothing ran; retrying after the view settles is safe.
/// </summary>
public sealed class GrainRoutingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A grain threw an exception whose type is not known in this process; its type name and message are kept.</summary>
public sealed class RemoteGrainException(string exceptionType, string message, string? field) : Exception(message)
{
    public string ExceptionType { get; } = exceptionType;

    /// <summary>The invalid input the original exception named, when it named one.</summary>
    public string? Field { get; } = field;
}
