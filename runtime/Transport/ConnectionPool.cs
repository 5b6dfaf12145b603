using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Runtime.Transport;

/// <summary>
/// Outbound connections, one per remote endpoint, opened on first use and shared by every caller: concurrent calls
/// to a peer are multiplexed on its one connection. After a connection is lost, the next use reconnects. After a
/// failed connect, further attempts to that endpoint fail fast with <see cref="PeerUnreachableException"/> until a
/// backoff has passed (<see cref="TransportOptions.ReconnectBackoff"/>, doubling per consecutive failure up to
/// <see cref="TransportOptions.MaxReconnectBackoff"/>). All methods are thread-safe.
/// </summary>
public sealed class ConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<IPEndPoint, OutboundPeer> _peers = new();
    private readonly CancellationTokenSource _disposing = new();

    /// <summary>
    /// Frames received on every pooled connection go to <paramref name="onFrame"/>, typically responses to requests
    /// sent on it.
    /// </summary>
    public ConnectionPool(TransportOptions options, FrameHandler onFrame, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        options.Validate();
        Options = options;
        OnFrame = onFrame;
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Raised when an established pooled connection closes for any reason other than the pool being disposed, so that
    /// calls pending on that peer can be failed. Runs on a pool thread; handlers should be quick and must not throw
    /// (exceptions are logged and swallowed).
    /// </summary>
    public event Action<Connection, ConnectionClosure>? ConnectionLost;

    internal TransportOptions Options { get; }

    internal FrameHandler OnFrame { get; }

    internal ILogger Logger { get; }

    internal CancellationToken Disposing => _disposing.Token;

    internal bool IsDisposed => _disposing.IsCancellationRequested;

    /// <summary>
    /// The open connection to <paramref name="endPoint"/>, connecting first when there is none; concurrent callers
    /// share one connect attempt. Completes synchronously when a connection is open. Throws
    /// <see cref="PeerUnreachableException"/> or <see cref="HandshakeException"/> when no connection can be made,
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires (the shared attempt
    /// goes on for the other callers) and <see cref="ObjectDisposedException"/> after disposal.
    /// </summary>
    public ValueTask<Connection> GetAsync(IPEndPoint endPoint, CancellationToken cancellationToken = default)
    {
        if (IsDisposed)
            return ValueTask.FromException<Connection>(new ObjectDisposedException(nameof(ConnectionPool)));
        var peer = _peers.GetOrAdd(endPoint, static (key, pool) => new OutboundPeer(key, pool), this);
        var current = peer.Current;
        return current is { IsOpen: true } ? new ValueTask<Connection>(current) : new ValueTask<Connection>(peer.ConnectAsync(cancellationToken));
    }

    /// <summary>
    /// Forgets <paramref name="endPoint"/>, for example a silo that left the cluster: closes its connection (raising
    /// <see cref="ConnectionLost"/>) and clears its backoff, so that the pool does not keep state for departed peers.
    /// </summary>
    public void Remove(IPEndPoint endPoint)
    {
        if (_peers.TryRemove(endPoint, out var peer))
            peer.Remove();
    }

    /// <summary>Closes every pooled connection (without raising <see cref="ConnectionLost"/>) and abandons connects in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsDisposed)
            return;
        await _disposing.CancelAsync().ConfigureAwait(false);
        foreach (var peer in _peers.Values)
            if (peer.Current is { } connection)
                await connection.DisposeAsync().ConfigureAwait(false);
        _peers.Clear();
    }

    internal void OnConnectionLost(Connection connection, ConnectionClosure closure)
    {
        if (IsDisposed)
            return;
        try
        {
            ConnectionLost?.Invoke(connection, closure);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "A ConnectionLost handler failed for {Peer}", connection);
        }
    }
}
