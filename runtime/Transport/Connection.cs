using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Transport;

/// <summary>
/// An authenticated TCP connection carrying length-prefixed frames in both directions.
/// <para>
/// Threading: <see cref="Send"/> may be called from any number of threads at once; it copies the frame into the
/// outgoing queue and returns without waiting for the network. One writer loop writes queued frames, coalescing all
/// frames queued meanwhile into one socket send. One reader loop delivers received frames, in order, to the
/// <see cref="FrameHandler"/> given when the connection was made. Frames sent from one thread arrive in the order
/// they were sent.
/// </para>
/// </summary>
public sealed class Connection : IAsyncDisposable, IDisposable
{
    /// <summary>Initial receive buffer size; a frame that does not fit grows the buffer.</summary>
    private const int ReceiveBufferBytes = 64 * 1024;

    /// <summary>Largest receive buffer a connection keeps between frames; larger ones are pooled again once emptied.</summary>
    private const int MaxRetainedReceiveBytes = 1024 * 1024;

    private readonly Socket _socket;
    private readonly FrameHandler _onFrame;
    private readonly ILogger _logger;
    private readonly int _maxFrameBytes;
    private readonly long _maxQueuedBytes;
    private readonly TimeSpan _closeTimeout;
    private readonly OutgoingQueue _queue;
    private readonly TaskCompletionSource<ConnectionClosure> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionClosure? _closure;
    private volatile bool _closeRequested;
    private Task _reader = Task.CompletedTask;
    private Task _writer = Task.CompletedTask;

    internal Connection(Socket socket, string remoteIdentity, IPEndPoint remoteEndPoint, TransportOptions options, FrameHandler onFrame, ILogger logger)
    {
        _socket = socket;
        _onFrame = onFrame;
        _logger = logger;
        _maxFrameBytes = options.MaxFrameBytes;
        _maxQueuedBytes = options.MaxQueuedBytes;
        _closeTimeout = options.CloseTimeout;
        _queue = new OutgoingQueue(options.MaxQueuedBytes);
        RemoteIdentity = remoteIdentity;
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>The identity the peer presented in the handshake: a silo id, or "client:…" for a gateway.</summary>
    public string RemoteIdentity { get; }

    /// <summary>For an outbound connection the endpoint that was dialled; for an accepted one the peer's address and port.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Bytes waiting to be written (payloads plus headers).</summary>
    public long QueuedBytes => _queue.QueuedBytes;

    /// <summary>False once the connection is closed or closing; <see cref="Send"/> then throws.</summary>
    public bool IsOpen => Volatile.Read(ref _closure) is null && !_closeRequested;

    /// <summary>Completes, never faulted, when the connection has closed, with the reason. Continuations run asynchronously.</summary>
    public Task<ConnectionClosure> Closed => _closed.Task;

    /// <summary>
    /// Opens a connection to a <see cref="ConnectionListener"/> and runs the handshake; frames received on it go to
    /// <paramref name="onFrame"/>. Throws <see cref="PeerUnreachableException"/> when no TCP connection can be made
    /// and <see cref="HandshakeException"/> when the peer is not a member of the same cluster with the same secret
    /// or does not complete the handshake within <see cref="TransportOptions.HandshakeTimeout"/>.
    /// </summary>
    public static async Task<Connection> ConnectAsync(IPEndPoint remoteEndPoint, TransportOptions options, FrameHandler onFrame, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        ArgumentNullException.ThrowIfNull(onFrame);
        options.Validate();
        var socket = new Socket(remoteEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.HandshakeTimeout);
        var connected = false;
        try
        {
            await socket.ConnectAsync(remoteEndPoint, deadline.Token).ConfigureAwait(false);
            connected = true;
            var identity = await Handshake.InitiateAsync(socket, remoteEndPoint, options, deadline.Token).ConfigureAwait(false);
            var connection = new Connection(socket, identity, remoteEndPoint, options, onFrame, logger ?? NullLogger.Instance);
            connection.Start();
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            if (!connected)
                throw new PeerUnreachableException(remoteEndPoint, $"no TCP connection within {options.HandshakeTimeout.TotalMilliseconds:F0} ms (TransportOptions.HandshakeTimeout).");
            throw new HandshakeException(remoteEndPoint, $"the peer did not complete the handshake within {options.HandshakeTimeout.TotalMilliseconds:F0} ms (TransportOptions.HandshakeTimeout).");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            if (!connected)
                throw new PeerUnreachableException(remoteEndPoint, $"TCP connect failed ({e.SocketErrorCode}).", e);
            throw new HandshakeException(remoteEndPoint, $"the connection failed during the handshake ({e.SocketErrorCode}).", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Queues one frame and returns at once; the payload is copied, so the caller may reuse its buffer.
    /// Throws <see cref="FrameTooLargeException"/> when the payload exceeds <see cref="TransportOptions.MaxFrameBytes"/>,
    /// <see cref="TransportOverloadedException"/> when the outgoing queue would exceed
    /// <see cref="TransportOptions.MaxQueuedBytes"/>, and <see cref="ConnectionClosedException"/> when the connection
    /// is closed or closing; in each case nothing is queued. A queued frame is lost if the connection fails before
    /// writing it: the <see cref="Closed"/> task reports that.
    /// </summary>
    public void Send(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > _maxFrameBytes)
            throw new FrameTooLargeException(payload.Length, _maxFrameBytes);
        switch (_queue.TryEnqueue(payload))
        {
            case EnqueueResult.Overloaded:
                throw new TransportOverloadedException(RemoteIdentity, _queue.QueuedBytes, _maxQueuedBytes, payload.Length + FrameFormat.HeaderBytes);
            case EnqueueResult.Closed:
                throw new ConnectionClosedException(RemoteIdentity, Volatile.Read(ref _closure));
        }
    }

    /// <summary>
    /// Closes gracefully: refuses new frames, writes those already queued, signals the end of the stream and waits
    /// for the peer to close its side, all within <see cref="TransportOptions.CloseTimeout"/>. Frames that arrive
    /// meanwhile are still delivered. Completes when the connection is closed.
    /// </summary>
    public async Task CloseAsync()
    {
        _closeRequested = true;
        _queue.Complete();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _writer.WaitAsync(_closeTimeout).ConfigureAwait(false);
            var left = _closeTimeout - Stopwatch.GetElapsedTime(started);
            await _reader.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer is not reading or not closing its side; close regardless.
        }
        Abort(new ConnectionClosure(CloseReason.LocalClose, "closed by this side"));
        await _reader.ConfigureAwait(false);
    }

    /// <summary>Closes at once; queued frames that were not written yet are dropped.</summary>
    public void Dispose() => Abort(new ConnectionClosure(CloseReason.LocalClose, "closed by this side"));

    /// <summary>
    /// Closes at once, like <see cref="Dispose"/>, and waits for the reader and writer loops to stop (so the frame
    /// handler is no longer running). Do not await it from inside the frame handler: use <see cref="Dispose"/> there.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await Task.WhenAll(_reader, _writer).ConfigureAwait(false);
    }

    public override string ToString() => $"{RemoteIdentity} ({RemoteEndPoint})";

    internal void Start()
    {
        // Frames must not be handled under the ambient context (trace, culture) of whoever opened the connection.
        using (ExecutionContext.SuppressFlow())
        {
            _reader = Task.Run(ReadLoopAsync);
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    private void Abort(ConnectionClosure closure)
    {
        if (Interlocked.CompareExchange(ref _closure, closure, null) is not null)
            return;
        switch (closure.Reason)
        {
            case CloseReason.ProtocolViolation or CloseReason.HandlerFailed:
                _logger.LogError(closure.Error, "Connection to {Peer} closed: {Closure}", this, closure);
                break;
            case CloseReason.SocketError:
                _logger.LogWarning(closure.Error, "Connection to {Peer} closed: {Closure}", this, closure);
                break;
            default:
                _logger.LogInformation("Connection to {Peer} closed: {Closure}", this, closure);
                break;
        }
        _queue.Close();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already disconnected; disposing is all that is left.
        }
        _socket.Dispose();
        _closed.TrySetResult(closure);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _queue.WaitAsync().ConfigureAwait(false))
            {
                var batch = _queue.Take();
                for (var i = 0; i < batch.Count; i++)
                {
                    var chunk = batch[i];
                    var unsent = chunk.Buffer.AsMemory(0, chunk.Length);
                    while (!unsent.IsEmpty)
                        unsent = unsent[await _socket.SendAsync(unsent, SocketFlags.None).ConfigureAwait(false)..];
                    _queue.Written(chunk.Length);
                }
                _queue.Recycle(batch);
            }
            if (Volatile.Read(ref _closure) is null)
                _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Abort(Failure(e));
        }
        finally
        {
            _queue.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    Abort(_closeRequested
                        ? new ConnectionClosure(CloseReason.LocalClose, "closed by this side")
                        : new ConnectionClosure(CloseReason.RemoteClosed, "the peer closed the connection"));
                    return;
                }
                end += received;
                start = DeliverFrames(buffer, start, end);
                if (start < 0)
                    return;
                (buffer, end) = MakeRoom(buffer, start, end);
                start = 0;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Abort(Failure(e));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hands every complete frame in buffer[start..end] to the handler; returns where the rest begins, or -1 once closed.</summary>
    private int DeliverFrames(byte[] buffer, int start, int end)
    {
        while (end - start >= FrameFormat.HeaderBytes)
        {
            var length = FrameFormat.ReadLength(buffer.AsSpan(start));
            if (length > (uint)_maxFrameBytes)
            {
                Abort(new ConnectionClosure(CloseReason.ProtocolViolation,
                    $"the peer announced a frame of {length} bytes, above the maximum of {_maxFrameBytes} bytes (TransportOptions.MaxFrameBytes)"));
                return -1;
            }
            if (end - start - FrameFormat.HeaderBytes < length)
                break;
            try
            {
                _onFrame(this, buffer.AsSpan(start + FrameFormat.HeaderBytes, (int)length));
            }
            catch (Exception e)
            {
                Abort(new ConnectionClosure(CloseReason.HandlerFailed, "the frame handler threw", e));
                return -1;
            }
            start += FrameFormat.HeaderBytes + (int)length;
            if (Volatile.Read(ref _closure) is not null)
                return -1;
        }
        return start;
    }

    /// <summary>
    /// Moves the incomplete tail of the buffer to its start, into a larger buffer when the frame being received does
    /// not fit. A grown buffer is kept for the frames that follow unless it is larger than
    /// <see cref="MaxRetainedReceiveBytes"/>, which is given back as soon as it is empty. Returns the buffer and the new end.
    /// </summary>
    private static (byte[] Buffer, int End) MakeRoom(byte[] buffer, int start, int end)
    {
        var remaining = end - start;
        var needed = remaining >= FrameFormat.HeaderBytes ? FrameFormat.HeaderBytes + (int)FrameFormat.ReadLength(buffer.AsSpan(start)) : 0;
        if (needed > buffer.Length || (remaining == 0 && buffer.Length > MaxRetainedReceiveBytes))
        {
            var replacement = ArrayPool<byte>.Shared.Rent(Math.Max(needed, ReceiveBufferBytes));
            buffer.AsSpan(start, remaining).CopyTo(replacement);
            ArrayPool<byte>.Shared.Return(buffer);
            return (replacement, remaining);
        }
        if (start > 0)
            buffer.AsSpan(start, remaining).CopyTo(buffer);
        return (buffer, remaining);
    }

    private ConnectionClosure Failure(Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionReset } => new ConnectionClosure(CloseReason.RemoteClosed, "the peer reset the connection", e),
        SocketException socket => new ConnectionClosure(CloseReason.SocketError, $"socket error {socket.SocketErrorCode}", e),
        _ => _closeRequested
            ? new ConnectionClosure(CloseReason.LocalClose, "closed by this side")
            : new ConnectionClosure(CloseReason.SocketError, "the socket was disposed", e),
    };
}
