using System.Buffers.Binary;
using System.Collections.Concurrent;
using Cluster.Runtime.Transport;
using Xunit;
using static Cluster.Tests.Transport.TransportPeers;

namespace Cluster.Tests.Transport;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Frames_of_varied_sizes_round_trip_in_order_both_ways()
    {
        var serverInbox = new FrameInbox();
        var clientInbox = new FrameInbox();
        var accepted = new TaskCompletionSource<Connection>();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), serverInbox.Handler, accepted.SetResult);
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), clientInbox.Handler);
        var server = await accepted.Task.WaitAsync(Patience);
        int[] sizes = [0, 1, 7, 100, 4_096, 65_531, 65_532, 65_536, 70_000, 300_000, 1_000_000, 0, 3];
        var frames = sizes.Select((size, i) => Pattern(size, i)).ToArray();

        foreach (var frame in frames)
            client.Send(frame);
        foreach (var frame in frames)
            server.Send(frame);

        foreach (var frame in frames)
            Assert.Equal(frame, await serverInbox.NextAsync());
        foreach (var frame in frames)
            Assert.Equal(frame, await clientInbox.NextAsync());
    }

    [Fact]
    public async Task Both_sides_read_the_identity_the_other_presented()
    {
        var accepted = new TaskCompletionSource<Connection>();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-7"), Ignore, accepted.SetResult);
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gateway-1"), Ignore);
        var server = await accepted.Task.WaitAsync(Patience);

        Assert.Equal("silo-7", client.RemoteIdentity);
        Assert.Equal("client:gateway-1", server.RemoteIdentity);
        Assert.Equal(listener.EndPoint, client.RemoteEndPoint);
        Assert.NotEqual(0, listener.EndPoint.Port);
    }

    [Fact]
    public async Task Many_concurrent_senders_on_one_connection_deliver_every_frame_exactly_once_and_in_per_sender_order()
    {
        const int Senders = 8;
        const int FramesPerSender = 5_000;
        var received = new ConcurrentQueue<(int Sender, int Sequence, int Length)>();
        var allArrived = new TaskCompletionSource();
        var count = 0;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), (_, payload) =>
        {
            received.Enqueue((BinaryPrimitives.ReadInt32LittleEndian(payload), BinaryPrimitives.ReadInt32LittleEndian(payload[4..]), payload.Length));
            if (Interlocked.Increment(ref count) == Senders * FramesPerSender)
                allArrived.SetResult();
        });
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), Ignore);

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(() =>
        {
            var frame = new byte[8 + 200];
            for (var sequence = 0; sequence < FramesPerSender; sequence++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(frame, sender);
                BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), sequence);
                client.Send(frame.AsSpan(0, 8 + sequence % 200));
            }
        })));
        await allArrived.Task.WaitAsync(Patience);

        var next = new int[Senders];
        foreach (var (sender, sequence, length) in received)
        {
            Assert.Equal(next[sender], sequence);
            Assert.Equal(8 + sequence % 200, length);
            next[sender]++;
        }
        Assert.All(next, n => Assert.Equal(FramesPerSender, n));
    }

    [Fact]
    public async Task An_oversized_frame_is_refused_on_send_and_nothing_is_sent()
    {
        var inbox = new FrameInbox();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), inbox.Handler);
        var options = Options("client:gw");
        options.MaxFrameBytes = 1_024;
        await using var client = await Connection.ConnectAsync(listener.EndPoint, options, Ignore);

        var error = Assert.Throws<FrameTooLargeException>(() => client.Send(new byte[1_025]));
        client.Send([42]);

        Assert.Equal(1_025, error.FrameBytes);
        Assert.Equal(1_024, error.MaxFrameBytes);
        Assert.Contains("MaxFrameBytes", error.Message);
        Assert.Equal([42], await inbox.NextAsync());
        Assert.Equal(0, client.QueuedBytes);
    }

    [Fact]
    public async Task A_received_frame_above_the_limit_closes_the_connection_as_a_protocol_violation()
    {
        var accepted = new TaskCompletionSource<Connection>();
        var inbox = new FrameInbox();
        var serverOptions = Options("silo-a");
        serverOptions.MaxFrameBytes = 1_024;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, serverOptions, inbox.Handler, accepted.SetResult);
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), Ignore);
        var server = await accepted.Task.WaitAsync(Patience);

        client.Send([1, 2, 3]);
        client.Send(new byte[2_048]);

        var closure = await server.Closed.WaitAsync(Patience);
        Assert.Equal(CloseReason.ProtocolViolation, closure.Reason);
        Assert.Contains("2048", closure.Description);
        Assert.NotEqual(CloseReason.LocalClose, (await client.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal([1, 2, 3], await inbox.NextAsync());
        Assert.False(inbox.TryNext(out _));
    }

    [Fact]
    public async Task A_full_outgoing_queue_fails_fast_and_every_accepted_frame_is_still_delivered()
    {
        using var release = new ManualResetEventSlim();
        var delivered = 0;
        var expected = int.MaxValue;
        var allDelivered = new TaskCompletionSource();
        var serverOptions = Options("silo-a");
        serverOptions.MaxFrameBytes = 64 * 1024;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, serverOptions, (_, _) =>
        {
            release.Wait();
            if (Interlocked.Increment(ref delivered) == Volatile.Read(ref expected))
                allDelivered.SetResult();
        });
        var options = Options("client:gw");
        options.MaxFrameBytes = 64 * 1024;
        options.MaxQueuedBytes = 1024 * 1024;
        await using var client = await Connection.ConnectAsync(listener.EndPoint, options, Ignore);
        var frame = new byte[64 * 1024];

        // The server stops reading after the first frame, so socket buffers fill up and then the queue does.
        var queued = 0;
        TransportOverloadedException? overload = null;
        while (overload is null && queued < 2_000)
        {
            try
            {
                client.Send(frame);
                queued++;
            }
            catch (TransportOverloadedException e)
            {
                overload = e;
            }
        }

        var queuedBytesAtOverload = client.QueuedBytes;
        Volatile.Write(ref expected, queued);
        release.Set();

        Assert.NotNull(overload);
        Assert.Equal(1024 * 1024, overload.MaxQueuedBytes);
        Assert.True(queuedBytesAtOverload <= options.MaxQueuedBytes);
        Assert.True(client.IsOpen);
        await allDelivered.Task.WaitAsync(Patience);
        Assert.Equal(queued, Volatile.Read(ref delivered));
    }

    [Fact]
    public async Task Sending_after_dispose_fails_with_the_closure_and_the_peer_sees_the_connection_end()
    {
        var accepted = new TaskCompletionSource<Connection>();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, accepted.SetResult);
        var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), Ignore);
        var server = await accepted.Task.WaitAsync(Patience);

        await client.DisposeAsync();

        var error = Assert.Throws<ConnectionClosedException>(() => client.Send([1]));
        Assert.Equal(CloseReason.LocalClose, error.Closure?.Reason);
        Assert.False(client.IsOpen);
        Assert.Equal(CloseReason.RemoteClosed, (await server.Closed.WaitAsync(Patience)).Reason);
    }

    [Fact]
    public async Task Graceful_close_writes_every_queued_frame_before_the_connection_ends()
    {
        var accepted = new TaskCompletionSource<Connection>();
        var inbox = new FrameInbox();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), inbox.Handler, accepted.SetResult);
        var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), Ignore);
        var server = await accepted.Task.WaitAsync(Patience);
        var frames = Enumerable.Range(0, 2_000).Select(i => Pattern(i % 3 == 0 ? 20_000 : 50, i)).ToArray();

        foreach (var frame in frames)
            client.Send(frame);
        await client.CloseAsync().WaitAsync(Patience);

        Assert.Equal(CloseReason.LocalClose, (await client.Closed).Reason);
        Assert.Equal(CloseReason.RemoteClosed, (await server.Closed.WaitAsync(Patience)).Reason);
        foreach (var frame in frames)
            Assert.Equal(frame, await inbox.NextAsync());
        Assert.Throws<ConnectionClosedException>(() => client.Send([1]));
    }

    [Fact]
    public async Task A_throwing_frame_handler_closes_the_connection_with_the_error()
    {
        var accepted = new TaskCompletionSource<Connection>();
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"),
            (_, _) => throw new InvalidOperationException("cannot decode"), accepted.SetResult);
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), Ignore);
        var server = await accepted.Task.WaitAsync(Patience);

        client.Send([1]);

        var closure = await server.Closed.WaitAsync(Patience);
        Assert.Equal(CloseReason.HandlerFailed, closure.Reason);
        Assert.Equal("cannot decode", closure.Error?.Message);
    }

    [Fact]
    public async Task Disposing_the_listener_closes_the_connections_it_accepted()
    {
        var accepted = new TaskCompletionSource<Connection>();
        var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, accepted.SetResult);
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:gw"), Ignore);
        var server = await accepted.Task.WaitAsync(Patience);

        await listener.DisposeAsync();

        Assert.Equal(CloseReason.LocalClose, (await server.Closed.WaitAsync(Patience)).Reason);
        Assert.Equal(CloseReason.RemoteClosed, (await client.Closed.WaitAsync(Patience)).Reason);
    }
}
