using System.Diagnostics;
using System.Net;

namespace Cluster.Runtime.Transport;

/// <summary>
/// A <see cref="ConnectionPool"/>'s state for one remote endpoint: its current connection, the connect attempt in
/// progress that concurrent callers share, and the backoff after failed attempts.
/// </summary>
internal sealed class OutboundPeer(IPEndPoint endPoint, ConnectionPool pool)
{
    private readonly Lock _gate = new();
    private Connection? _current;
    private Task<Connection>? _connecting;
    private Exception? _lastFailure;
    private long _retryAfter;
    private int _consecutiveFailures;
    private bool _removed;

    public Connection? Current => Volatile.Read(ref _current);

    public Task<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<Connection>? started = null;
        Task<Connection> attempt;
        lock (_gate)
        {
            if (_current is { IsOpen: true } current)
                return Task.FromResult(current);
            if (_removed)
                return Task.FromException<Connection>(Removed());
            if (_connecting is null)
            {
                var now = Stopwatch.GetTimestamp();
                if (_lastFailure is not null && now < _retryAfter)
                    return Task.FromException<Connection>(new PeerUnreachableException(endPoint,
                        $"the last connect attempt failed ({_lastFailure.Message}); the next is allowed in {Stopwatch.GetElapsedTime(now, _retryAfter).TotalMilliseconds:F0} ms.",
                        _lastFailure));
                started = new TaskCompletionSource<Connection>(TaskCreationOptions.RunContinuationsAsynchronously);
                _connecting = started.Task;
            }
            attempt = _connecting;
        }
        if (started is not null)
        {
            // The attempt is shared, so it must not run under the first caller's ambient context (trace, culture).
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => RunAttemptAsync(started));
        }
        return cancellationToken.CanBeCanceled ? attempt.WaitAsync(cancellationToken) : attempt;
    }

    private async Task RunAttemptAsync(TaskCompletionSource<Connection> attempt)
    {
        Connection connection;
        try
        {
            connection = await Connection.ConnectAsync(endPoint, pool.Options, pool.OnFrame, pool.Logger, pool.Disposing).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var failure = e is OperationCanceledException && pool.IsDisposed ? new ObjectDisposedException(nameof(ConnectionPool)) : e;
            lock (_gate)
            {
                _connecting = null;
                _lastFailure = failure;
                _consecutiveFailures++;
                _retryAfter = Stopwatch.GetTimestamp() + (long)(Backoff(_consecutiveFailures).TotalSeconds * Stopwatch.Frequency);
            }
            attempt.SetException(failure);
            return;
        }

        bool removed;
        lock (_gate)
        {
            removed = _removed;
            _current = removed ? null : connection;
            _connecting = null;
            _lastFailure = null;
            _consecutiveFailures = 0;
        }
        if (removed)
        {
            connection.Dispose();
            attempt.SetException(Removed());
            return;
        }
        _ = connection.Closed.ContinueWith(
            static (closed, state) =>
            {
                var (peer, connection) = ((OutboundPeer, Connection))state!;
                peer.OnClosed(connection, closed.Result);
            },
            (this, connection), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (pool.IsDisposed)
        {
            connection.Dispose();
            attempt.SetException(new ObjectDisposedException(nameof(ConnectionPool)));
            return;
        }
        attempt.SetResult(connection);
    }

    /// <summary>Closes the current connection, if any, and refuses further use of this peer.</summary>
    public void Remove()
    {
        Connection? current;
        lock (_gate)
        {
            _removed = true;
            current = _current;
        }
        current?.Dispose();
    }

    private PeerUnreachableException Removed() => new(endPoint, "it was removed from the connection pool.");

    private void OnClosed(Connection connection, ConnectionClosure closure)
    {
        lock (_gate)
        {
            if (_current == connection)
                _current = null;
        }
        pool.OnConnectionLost(connection, closure);
    }

    private TimeSpan Backoff(int failures)
    {
        var backoff = pool.Options.ReconnectBackoff * Math.Pow(2, Math.Min(failures - 1, 30));
        return backoff < pool.Options.MaxReconnectBackoff ? backoff : pool.Options.MaxReconnectBackoff;
    }
}
