using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Cluster.Runtime.Transport;

/// <summary>
/// Mutual authentication before any frame flows. Messages are [u32 LE length][type][body].
/// <code>
/// initiator → acceptor   Hello  = "CLTP" version:u8 nonce[32] clusterId(u16 LE length + UTF-8) identity(u16 LE length + UTF-8)
/// acceptor  → initiator  Hello   (or Reject when the cluster id differs)
/// initiator → acceptor   Proof  = HMAC-SHA256(secret, "cluster-transport/1 initiator" ‖ initiatorHello ‖ acceptorHello)
/// acceptor  → initiator  Proof  = HMAC-SHA256(secret, "cluster-transport/1 acceptor"  ‖ initiatorHello ‖ acceptorHello)
///                        (or Reject when the initiator's proof is wrong)
/// Reject = UTF-8 reason
/// </code>
/// Each proof covers both fresh nonces, both identities and the cluster id, so it cannot be replayed on another
/// connection or reflected back, and the secret itself never crosses the wire.
/// </summary>
internal static class Handshake
{
    private const byte Version = 1;
    private const byte HelloType = 1;
    private const byte ProofType = 2;
    private const byte RejectType = 3;
    private const int NonceBytes = 32;
    private const int MaxMessageBytes = 1024;

    private static ReadOnlySpan<byte> Magic => "CLTP"u8;

    private static ReadOnlySpan<byte> InitiatorLabel => "cluster-transport/1 initiator"u8;

    private static ReadOnlySpan<byte> AcceptorLabel => "cluster-transport/1 acceptor"u8;

    /// <summary>Runs the connecting side; returns the listener's identity.</summary>
    public static async Task<string> InitiateAsync(Socket socket, EndPoint remote, TransportOptions options, CancellationToken cancellationToken)
    {
        var hello = Hello(options);
        await SendAsync(socket, HelloType, hello, cancellationToken).ConfigureAwait(false);
        var peerHello = await ReceiveAsync(socket, remote, HelloType, cancellationToken).ConfigureAwait(false);
        var (clusterId, identity) = ParseHello(peerHello, remote);
        if (clusterId != options.ClusterId)
            throw new HandshakeException(remote, $"the listener belongs to cluster '{clusterId}', not '{options.ClusterId}'.");
        var transcript = Concat(hello, peerHello);
        await SendAsync(socket, ProofType, Proof(options, InitiatorLabel, transcript), cancellationToken).ConfigureAwait(false);
        var peerProof = await ReceiveAsync(socket, remote, ProofType, cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(peerProof, Proof(options, AcceptorLabel, transcript)))
            throw new HandshakeException(remote, "the listener could not prove that it knows the cluster's shared secret.");
        return identity;
    }

    /// <summary>Runs the listening side; returns the connecting peer's identity.</summary>
    public static async Task<string> AcceptAsync(Socket socket, EndPoint remote, TransportOptions options, CancellationToken cancellationToken)
    {
        var peerHello = await ReceiveAsync(socket, remote, HelloType, cancellationToken).ConfigureAwait(false);
        string clusterId, identity;
        try
        {
            (clusterId, identity) = ParseHello(peerHello, remote);
        }
        catch (HandshakeException)
        {
            await RejectAsync(socket, "not a valid cluster transport hello.", cancellationToken).ConfigureAwait(false);
            throw;
        }
        if (clusterId != options.ClusterId)
        {
            await RejectAsync(socket, $"cluster '{clusterId}' is not served here.", cancellationToken).ConfigureAwait(false);
            throw new HandshakeException(remote, $"peer '{identity}' belongs to cluster '{clusterId}', not '{options.ClusterId}'.");
        }
        var hello = Hello(options);
        await SendAsync(socket, HelloType, hello, cancellationToken).ConfigureAwait(false);
        var transcript = Concat(peerHello, hello);
        var peerProof = await ReceiveAsync(socket, remote, ProofType, cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(peerProof, Proof(options, InitiatorLabel, transcript)))
        {
            await RejectAsync(socket, "authentication failed: the shared secret does not match.", cancellationToken).ConfigureAwait(false);
            throw new HandshakeException(remote, $"peer '{identity}' could not prove that it knows the cluster's shared secret.");
        }
        await SendAsync(socket, ProofType, Proof(options, AcceptorLabel, transcript), cancellationToken).ConfigureAwait(false);
        return identity;
    }

    private static byte[] Hello(TransportOptions options)
    {
        var clusterId = Encoding.UTF8.GetBytes(options.ClusterId);
        var identity = Encoding.UTF8.GetBytes(options.LocalIdentity);
        var hello = new byte[Magic.Length + 1 + NonceBytes + 2 + clusterId.Length + 2 + identity.Length];
        var span = hello.AsSpan();
        Magic.CopyTo(span);
        span[Magic.Length] = Version;
        span = span[(Magic.Length + 1)..];
        RandomNumberGenerator.Fill(span[..NonceBytes]);
        span = span[NonceBytes..];
        span = WriteName(span, clusterId);
        WriteName(span, identity);
        return hello;
    }

    private static Span<byte> WriteName(Span<byte> destination, byte[] name)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)name.Length);
        name.CopyTo(destination[2..]);
        return destination[(2 + name.Length)..];
    }

    private static (string ClusterId, string Identity) ParseHello(byte[] hello, EndPoint remote)
    {
        ReadOnlySpan<byte> span = hello;
        if (span.Length < Magic.Length + 1 + NonceBytes || !span[..Magic.Length].SequenceEqual(Magic))
            throw Malformed(remote, "the peer does not speak the cluster transport protocol.");
        if (span[Magic.Length] != Version)
            throw Malformed(remote, $"the peer speaks transport protocol version {span[Magic.Length]}, this process speaks {Version}.");
        span = span[(Magic.Length + 1 + NonceBytes)..];
        var clusterId = ReadName(ref span, remote);
        var identity = ReadName(ref span, remote);
        if (!span.IsEmpty || clusterId.Length == 0 || identity.Length == 0)
            throw Malformed(remote, "the peer's hello is malformed.");
        return (clusterId, identity);
    }

    private static string ReadName(ref ReadOnlySpan<byte> span, EndPoint remote)
    {
        if (span.Length < 2)
            throw Malformed(remote, "the peer's hello is truncated.");
        int length = BinaryPrimitives.ReadUInt16LittleEndian(span);
        if (length > TransportOptions.MaxNameBytes || span.Length < 2 + length)
            throw Malformed(remote, "the peer's hello is malformed.");
        var name = Encoding.UTF8.GetString(span.Slice(2, length));
        span = span[(2 + length)..];
        return name;
    }

    private static HandshakeException Malformed(EndPoint remote, string problem) => new(remote, problem);

    private static byte[] Proof(TransportOptions options, ReadOnlySpan<byte> label, byte[] transcript) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.SharedSecret), Concat(label, transcript));

    private static byte[] Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var result = new byte[first.Length + second.Length];
        first.CopyTo(result);
        second.CopyTo(result.AsSpan(first.Length));
        return result;
    }

    private static async Task RejectAsync(Socket socket, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(socket, RejectType, Encoding.UTF8.GetBytes(reason), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // The peer is gone already; it does not need the reason.
        }
    }

    private static async Task SendAsync(Socket socket, byte type, byte[] body, CancellationToken cancellationToken)
    {
        var message = new byte[4 + 1 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(message, 1 + body.Length);
        message[4] = type;
        body.CopyTo(message, 5);
        await socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket, EndPoint remote, byte expectedType, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        await ReceiveExactlyAsync(socket, remote, header, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length is < 1 or > MaxMessageBytes)
            throw Malformed(remote, "the peer does not speak the cluster transport protocol.");
        var body = new byte[length - 1];
        await ReceiveExactlyAsync(socket, remote, body, cancellationToken).ConfigureAwait(false);
        if (header[4] == RejectType)
            throw new HandshakeException(remote, $"the peer rejected the connection: {Encoding.UTF8.GetString(body)}");
        if (header[4] != expectedType)
            throw Malformed(remote, "the peer sent handshake messages out of order.");
        return body;
    }

    private static async Task ReceiveExactlyAsync(Socket socket, EndPoint remote, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
                throw new HandshakeException(remote, "the peer closed the connection during the handshake.");
            buffer = buffer[received..];
        }
    }
}
