namespace Cluster.Runtime.Transport;

/// <summary>
/// Receives each frame of a connection, in arrival order, on the connection's reader loop.
/// <paramref name="payload"/> is only valid during the call: copy whatever must outlive it. The handler should return
/// quickly (hand work off rather than block), since the next frame is read only after it returns; it may call
/// <see cref="Connection.Send"/> on any connection. If it throws, the connection closes with
/// <see cref="CloseReason.HandlerFailed"/>.
/// </summary>
public delegate void FrameHandler(Connection connection, ReadOnlySpan<byte> payload);
