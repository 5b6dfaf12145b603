namespace Cluster.Runtime.Transport;

/// <summary>Why a connection closed.</summary>
public enum CloseReason
{
    /// <summary>This side closed it: Dispose, CloseAsync, or its listener or pool was disposed.</summary>
    LocalClose,

    /// <summary>The peer closed the connection or reset it.</summary>
    RemoteClosed,

    /// <summary>The peer sent bytes that are not a valid frame stream, such as a frame above the size limit.</summary>
    ProtocolViolation,

    /// <summary>A socket operation failed.</summary>
    SocketError,

    /// <summary>The frame handler threw; the frame stream's state is unknown afterwards.</summary>
    HandlerFailed,
}

/// <summary>How a connection ended: the reason, a readable description and the error behind it, if any.</summary>
public sealed class ConnectionClosure(CloseReason reason, string description, Exception? error = null)
{
    public CloseReason Reason { get; } = reason;

    public string Description { get; } = description;

    public Exception? Error { get; } = error;

    public override string ToString() => Error is null ? $"{Reason}: {Description}" : $"{Reason}: {Description} ({Error.Message})";
}
