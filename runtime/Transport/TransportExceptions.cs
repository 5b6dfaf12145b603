using System.Net;

namespace Cluster.Runtime.Transport;

/// <summary>Base of the transport's errors, so callers can catch them together.</summary>
public abstract class TransportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A <see cref="TransportOptions"/> setting is invalid; <see cref="Field"/> names it.</summary>
public sealed class TransportOptionsValidationException(string field, string problem)
    : TransportException($"Transport option {field} {problem}")
{
    public string Field { get; } = field;
}

/// <summary>A frame exceeds <see cref="TransportOptions.MaxFrameBytes"/>; nothing was sent.</summary>
public sealed class FrameTooLargeException(int frameBytes, int maxFrameBytes)
    : TransportException($"A frame of {frameBytes} bytes exceeds the maximum frame size of {maxFrameBytes} bytes (TransportOptions.MaxFrameBytes); nothing was sent. Split the message or raise the limit on both ends.")
{
    public int FrameBytes { get; } = frameBytes;

    public int MaxFrameBytes { get; } = maxFrameBytes;
}

/// <summary>
/// The connection's outgoing queue is full (the peer or the network is not keeping up); the frame was not queued.
/// The caller should fail or shed the request rather than retry at once.
/// </summary>
public sealed class TransportOverloadedException(string remoteIdentity, long queuedBytes, long maxQueuedBytes, int frameBytes)
    : TransportException($"The connection to {remoteIdentity} is overloaded: {queuedBytes} bytes are waiting to be sent and a frame of {frameBytes} bytes would exceed the limit of {maxQueuedBytes} bytes (TransportOptions.MaxQueuedBytes).")
{
    public string RemoteIdentity { get; } = remoteIdentity;

    public long QueuedBytes { get; } = queuedBytes;

    public long MaxQueuedBytes { get; } = maxQueuedBytes;
}

/// <summary>A frame was sent on a connection that is closed or closing; nothing was sent.</summary>
public sealed class ConnectionClosedException(string remoteIdentity, ConnectionClosure? closure)
    : TransportException(closure is null
        ? $"The connection to {remoteIdentity} is closing and accepts no more frames."
        : $"The connection to {remoteIdentity} is closed: {closure}")
{
    /// <summary>Why the connection closed; null while a graceful close is still flushing.</summary>
    public ConnectionClosure? Closure { get; } = closure;
}

/// <summary>
/// The handshake with <see cref="EndPoint"/> failed: the peer belongs to another cluster, does not know the shared
/// secret, speaks another protocol, or did not answer in time. No frame was exchanged.
/// </summary>
public sealed class HandshakeException(EndPoint? endPoint, string message, Exception? inner = null)
    : TransportException($"Handshake with {endPoint?.ToString() ?? "an unknown peer"} failed: {message}", inner)
{
    public EndPoint? EndPoint { get; } = endPoint;
}

/// <summary>
/// No connection to <see cref="EndPoint"/> could be made, either now (see the inner exception) or recently enough
/// that the reconnect backoff has not yet passed.
/// </summary>
public sealed class PeerUnreachableException(IPEndPoint endPoint, string message, Exception? inner = null)
    : TransportException($"Peer {endPoint} is unreachable: {message}", inner)
{
    public IPEndPoint EndPoint { get; } = endPoint;
}
