using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Cluster.Runtime.Transport;
using Xunit;
using static Cluster.Tests.Transport.TransportPeers;

namespace Cluster.Tests.Transport;

public sealed class ConnectionPoolTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_connection_per_endpoint()
    {
        var accepted = 0;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, _ => Interlocked.Increment(ref accepted));
        await using var pool = new ConnectionPool(Options("silo-b"), Ignore);

        var connections = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => pool.GetAsync(listener.EndPoint).AsTask())));

        Assert.All(connections, c => Assert.Same(connections[0], c));
        Assert.Same(connections[0], await pool.GetAsync(listener.EndPoint));
        // The listener finishes its side of the handshake a moment after the caller does.
        await Cluster.Tests.Runtime.StateTests.WaitUntil(() => Volatile.Read(ref accepted) > 0, TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        Assert.Equal(1, Volatile.Read(ref accepted));
    }

    [Fact]
    public async Task Requests_and_responses_flow_over_a_pooled_connection()
    {
        var responses = new FrameInbox();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), (connection, request) =>
        {
            var response = request.ToArray();
            Array.Reverse(response);
            connection.Send(response);
        });
        await using var pool = new ConnectionPool(Options("silo-b"), responses.Handler);

        (await pool.GetAsync(listener.EndPoint)).Send([1, 2, 3]);

        Assert.Equal([3, 2, 1], await responses.NextAsync());
    }

    [Fact]
    public async Task Losing_a_connection_is_reported_and_the_next_use_reconnects()
    {
        var accepted = Channel.CreateUnbounded<Connection>();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, c => accepted.Writer.TryWrite(c));
        await using var pool = new ConnectionPool(Options("silo-b"), Ignore);
        var lost = new TaskCompletionSource<(Connection Connection, ConnectionClosure Closure)>();
        pool.ConnectionLost += (connection, closure) => lost.TrySetResult((connection, closure));
        var first = await pool.GetAsync(listener.EndPoint);

        (await accepted.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Dispose();

        var (lostConnection, closure) = await lost.Task.WaitAsync(Patience);
        Assert.Same(first, lostConnection);
        Assert.Equal("silo-a", lostConnection.RemoteIdentity);
        Assert.Equal(CloseReason.RemoteClosed, closure.Reason);
        var second = await pool.GetAsync(listener.EndPoint);
        Assert.NotSame(first, second);
        Assert.True(second.IsOpen);
    }

    [Fact]
    public async Task After_the_peer_restarts_on_the_same_endpoint_the_pool_reconnects_and_frames_flow_again()
    {
        var inbox = new FrameInbox();
        var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), inbox.Handler);
        var endPoint = listener.EndPoint;
        await using var pool = new ConnectionPool(Options("silo-b"), Ignore);
        var lost = new TaskCompletionSource();
        pool.ConnectionLost += (_, _) => lost.TrySetResult();
        (await pool.GetAsync(endPoint)).Send([1]);
        Assert.Equal([1], await inbox.NextAsync());

        await listener.DisposeAsync();
        await lost.Task.WaitAsync(Patience);
        await using var restarted = ConnectionListener.Start(endPoint, Options("silo-a"), inbox.Handler);
        (await pool.GetAsync(endPoint)).Send([2]);

        Assert.Equal([2], await inbox.NextAsync());
    }

    [Fact]
    public async Task A_failed_connect_fails_fast_during_the_backoff_and_remove_clears_it()
    {
        var endPoint = UnusedLoopbackEndPoint();
        var options = Options("silo-b");
        options.ReconnectBackoff = TimeSpan.FromMinutes(5);
        options.MaxReconnectBackoff = TimeSpan.FromMinutes(5);
        await using var pool = new ConnectionPool(options, Ignore);

        var refused = await Assert.ThrowsAsync<PeerUnreachableException>(() => pool.GetAsync(endPoint).AsTask());
        await using var listener = ConnectionListener.Start(endPoint, Options("silo-a"), Ignore);
        var duringBackoff = await Assert.ThrowsAsync<PeerUnreachableException>(() => pool.GetAsync(endPoint).AsTask());
        pool.Remove(endPoint);
        var connection = await pool.GetAsync(endPoint);

        Assert.Equal(endPoint, refused.EndPoint);
        Assert.Same(refused, duringBackoff.InnerException);
        Assert.Contains("next is allowed", duringBackoff.Message);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task Disposing_the_pool_closes_its_connections_without_reporting_them_lost()
    {
        var accepted = new TaskCompletionSource<Connection>();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, accepted.SetResult);
        var pool = new ConnectionPool(Options("silo-b"), Ignore);
        var reported = 0;
        pool.ConnectionLost += (_, _) => Interlocked.Increment(ref reported);
        var connection = await pool.GetAsync(listener.EndPoint);
        var server = await accepted.Task.WaitAsync(Patience);

        await pool.DisposeAsync();

        Assert.Equal(CloseReason.LocalClose, (await connection.Closed).Reason);
        Assert.Equal(CloseReason.RemoteClosed, (await server.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(0, Volatile.Read(ref reported));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.GetAsync(listener.EndPoint).AsTask());
    }

    private static IPEndPoint UnusedLoopbackEndPoint()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(AnyLoopbackPort);
        return (IPEndPoint)probe.LocalEndPoint!;
    }
}
