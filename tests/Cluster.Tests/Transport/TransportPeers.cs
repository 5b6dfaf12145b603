using System.Net;
using System.Threading.Channels;
using Cluster.Runtime.Transport;

namespace Cluster.Tests.Transport;

/// <summary>Options and frame collection shared by the transport tests; everything runs over real loopback TCP.</summary>
internal static class TransportPeers
{
    /// <summary>Generous bound on waits, so that a broken behaviour fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    public static TransportOptions Options(string identity, string clusterId = "test-cluster", string secret = "correct horse battery staple") => new()
    {
        ClusterId = clusterId,
        SharedSecret = secret,
        LocalIdentity = identity,
    };

    public static void Ignore(Connection connection, ReadOnlySpan<byte> payload)
    {
    }

    public static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

/// <summary>Copies every received frame, in arrival order, for the test to read.</summary>
internal sealed class FrameInbox
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>();

    public FrameHandler Handler => (_, payload) => _frames.Writer.TryWrite(payload.ToArray());

    public async Task<byte[]> NextAsync() => await _frames.Reader.ReadAsync().AsTask().WaitAsync(TransportPeers.Patience);

    public bool TryNext(out byte[] frame) => _frames.Reader.TryRead(out frame!);
}
