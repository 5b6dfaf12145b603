using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Cluster.Runtime.Transport;
using Xunit;
using static Cluster.Tests.Transport.TransportPeers;

namespace Cluster.Tests.Transport;

public sealed class HandshakeTests
{
    [Fact]
    public async Task A_peer_with_the_wrong_secret_is_rejected_and_never_accepted()
    {
        var accepted = 0;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, _ => Interlocked.Increment(ref accepted));

        var error = await Assert.ThrowsAsync<HandshakeException>(() =>
            Connection.ConnectAsync(listener.EndPoint, Options("client:gw", secret: "a different secret of enough length"), Ignore));

        Assert.Contains("rejected the connection", error.Message);
        Assert.Contains("shared secret", error.Message);
        Assert.Equal(0, Volatile.Read(ref accepted));
    }

    [Fact]
    public async Task A_peer_of_another_cluster_is_rejected_and_never_accepted()
    {
        var accepted = 0;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a", clusterId: "prod"), Ignore, _ => Interlocked.Increment(ref accepted));

        var error = await Assert.ThrowsAsync<HandshakeException>(() =>
            Connection.ConnectAsync(listener.EndPoint, Options("client:gw", clusterId: "staging"), Ignore));

        Assert.Contains("rejected the connection", error.Message);
        Assert.Contains("staging", error.Message);
        Assert.Equal(0, Volatile.Read(ref accepted));
    }

    [Fact]
    public async Task A_listener_that_cannot_prove_the_secret_is_rejected_by_the_connecting_side()
    {
        using var impostor = new TcpListener(IPAddress.Loopback, 0);
        impostor.Start();
        var endPoint = (IPEndPoint)impostor.LocalEndpoint;
        var impersonation = Task.Run(async () =>
        {
            using var socket = await impostor.AcceptSocketAsync();
            await ReadMessageAsync(socket);
            await WriteMessageAsync(socket, 1, ImpostorHello("test-cluster", "silo-impostor"));
            await ReadMessageAsync(socket);
            await WriteMessageAsync(socket, 2, RandomNumberGenerator.GetBytes(32));
            await ReadMessageAsync(socket);
        });

        var error = await Assert.ThrowsAsync<HandshakeException>(() => Connection.ConnectAsync(endPoint, Options("client:gw"), Ignore));

        Assert.Contains("could not prove", error.Message);
        await impersonation.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_connection_that_sends_nothing_is_dropped_after_the_handshake_timeout()
    {
        var options = Options("silo-a");
        options.HandshakeTimeout = TimeSpan.FromMilliseconds(200);
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, options, Ignore);
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(listener.EndPoint);

        Assert.Equal(0, await DrainAsync(silent).WaitAsync(Patience));
    }

    [Fact]
    public async Task Connecting_to_a_listener_that_never_answers_fails_after_the_handshake_timeout()
    {
        using var mute = new TcpListener(IPAddress.Loopback, 0);
        mute.Start();
        var options = Options("client:gw");
        options.HandshakeTimeout = TimeSpan.FromMilliseconds(200);

        var error = await Assert.ThrowsAsync<HandshakeException>(() => Connection.ConnectAsync((IPEndPoint)mute.LocalEndpoint, options, Ignore));

        Assert.Contains("HandshakeTimeout", error.Message);
    }

    [Fact]
    public async Task A_raw_client_announcing_a_huge_message_is_disconnected_without_being_accepted()
    {
        var accepted = 0;
        await using var listener = ConnectionListener.Start(AnyLoopbackPort, Options("silo-a"), Ignore, _ => Interlocked.Increment(ref accepted));
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(listener.EndPoint);

        await raw.SendAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0x7F, 1, 0, 0, 0 });

        Assert.Equal(0, await DrainAsync(raw).WaitAsync(Patience));
        Assert.Equal(0, Volatile.Read(ref accepted));
    }

    [Fact]
    public void Invalid_options_are_reported_with_the_offending_field()
    {
        var shortSecret = Options("silo-a", secret: "short");
        var queueTooSmall = Options("silo-a");
        queueTooSmall.MaxQueuedBytes = queueTooSmall.MaxFrameBytes;
        var noIdentity = Options(" ");

        Assert.Equal("SharedSecret", Assert.Throws<TransportOptionsValidationException>(shortSecret.Validate).Field);
        Assert.Equal("MaxQueuedBytes", Assert.Throws<TransportOptionsValidationException>(queueTooSmall.Validate).Field);
        Assert.Equal("LocalIdentity", Assert.Throws<TransportOptionsValidationException>(noIdentity.Validate).Field);
    }

    /// <summary>Reads until the peer closes; returns the last read's count (0 on a clean close, 0 on reset too).</summary>
    private static async Task<int> DrainAsync(Socket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer);
                if (read == 0)
                    return 0;
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }

    /// <summary>A well-formed hello as the handshake documents it: "CLTP", version 1, a nonce, cluster id and identity.</summary>
    private static byte[] ImpostorHello(string clusterId, string identity)
    {
        var cluster = Encoding.UTF8.GetBytes(clusterId);
        var name = Encoding.UTF8.GetBytes(identity);
        var hello = new List<byte>("CLTP"u8.ToArray()) { 1 };
        hello.AddRange(RandomNumberGenerator.GetBytes(32));
        hello.AddRange(BitConverter.GetBytes((ushort)cluster.Length));
        hello.AddRange(cluster);
        hello.AddRange(BitConverter.GetBytes((ushort)name.Length));
        hello.AddRange(name);
        return [.. hello];
    }

    private static async Task WriteMessageAsync(Socket socket, byte type, byte[] body)
    {
        var message = new byte[5 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(message, 1 + body.Length);
        message[4] = type;
        body.CopyTo(message, 5);
        await socket.SendAsync(message);
    }

    private static async Task ReadMessageAsync(Socket socket)
    {
        var header = new byte[4];
        if (!await ReadExactlyAsync(socket, header))
            return;
        await ReadExactlyAsync(socket, new byte[BinaryPrimitives.ReadInt32LittleEndian(header)]);
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read));
            if (n == 0)
                return false;
            read += n;
        }
        return true;
    }
}
