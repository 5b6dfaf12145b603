using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Transport;

/// <summary>
/// Accepts TCP connections on an endpoint and runs the handshake on each; peers of another cluster or without the
/// shared secret are rejected, logged and disconnected before any frame flows. Disposing it stops listening and
/// closes every connection it accepted.
/// </summary>
public sealed class ConnectionListener : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly TransportOptions _options;
    private readonly FrameHandler _onFrame;
    private readonly Action<Connection>? _onAccepted;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Connection, bool> _connections = new();
    private readonly Task _acceptLoop;

    private ConnectionListener(Socket socket, TransportOptions options, FrameHandler onFrame, Action<Connection>? onAccepted, ILogger logger)
    {
        _socket = socket;
        _options = options;
        _onFrame = onFrame;
        _onAccepted = onAccepted;
        _logger = logger;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        using (ExecutionContext.SuppressFlow())
            _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The bound endpoint: with port 0 requested, the port the system picked.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Binds to <paramref name="endPoint"/> (port 0 picks a free port) and starts accepting. Each accepted, authenticated
    /// connection is passed to <paramref name="onAccepted"/> before its first frame is delivered to
    /// <paramref name="onFrame"/>, so the owner can register it (by <see cref="Connection.RemoteIdentity"/>) first.
    /// <paramref name="onAccepted"/> runs on a pool thread, may already send on the connection, and should return
    /// quickly; if it throws, the connection is closed.
    /// </summary>
    public static ConnectionListener Start(IPEndPoint endPoint, TransportOptions options, FrameHandler onFrame, Action<Connection>? onAccepted = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(onFrame);
        options.Validate();
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new ConnectionListener(socket, options, onFrame, onAccepted, logger ?? NullLogger.Instance);
    }

    /// <summary>Stops accepting, abandons handshakes in progress and closes every accepted connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
            await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // For example the process ran out of file descriptors: keep listening, but do not spin.
                _logger.LogWarning(e, "Accepting a connection on {EndPoint} failed", EndPoint);
                await Task.Delay(100).ConfigureAwait(false);
                continue;
            }
            _ = AcceptAsync(accepted);
        }
    }

    private async Task AcceptAsync(Socket socket)
    {
        Connection connection;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
        {
            try
            {
                socket.NoDelay = true;
                var remote = (IPEndPoint)socket.RemoteEndPoint!;
                deadline.CancelAfter(_options.HandshakeTimeout);
                var identity = await Handshake.AcceptAsync(socket, remote, _options, deadline.Token).ConfigureAwait(false);
                connection = new Connection(socket, identity, remote, _options, _onFrame, _logger);
            }
            catch (Exception e) when (e is HandshakeException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                if (!_stopping.IsCancellationRequested)
                    _logger.LogWarning("Rejected a connection on {EndPoint}: {Reason}", EndPoint, e is OperationCanceledException
                        ? $"the handshake did not complete within {_options.HandshakeTimeout.TotalMilliseconds:F0} ms (TransportOptions.HandshakeTimeout)."
                        : e.Message);
                socket.Dispose();
                return;
            }
        }

        _connections.TryAdd(connection, true);
        _ = connection.Closed.ContinueWith(
            static (task, state) =>
            {
                var (listener, closed) = ((ConnectionListener, Connection))state!;
                listener._connections.TryRemove(closed, out _);
            },
            (this, connection), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (_stopping.IsCancellationRequested)
        {
            connection.Dispose();
            return;
        }
        try
        {
            _onAccepted?.Invoke(connection);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "The accepted-connection callback failed for {Peer}; closing the connection", connection);
            connection.Dispose();
            return;
        }
        _logger.LogInformation("Accepted connection from {Peer} on {EndPoint}", connection, EndPoint);
        connection.Start();
    }
}
