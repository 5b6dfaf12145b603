using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Cluster.Bench;

/// <summary>
/// The reference point for the cluster transport: a plain request/response echo over one loopback TCP connection,
/// written the straightforward way. Requests are length-prefixed and carry a correlation id; many are in flight at
/// once. The client writes each request with its own blocking send under a lock; the server echoes each request with
/// its own send as soon as it has parsed it; both read into a 64 KiB buffer. No handshake, no queueing, no coalescing.
/// </summary>
public static class TcpEchoBaseline
{
    private const int ReceiveBufferBytes = 64 * 1024;

    public static async Task<EchoResult> RunAsync(int payloadBytes, int inFlight, TimeSpan duration)
    {
        var workload = new EchoWorkload(payloadBytes, inFlight);
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!).ConfigureAwait(false);
        using var server = await accepting.ConfigureAwait(false);
        server.NoDelay = true;

        var echo = Task.Run(() => ReadFramesAsync(server, frame => server.Send(frame)));
        var responses = Task.Run(async () =>
        {
            try
            {
                await ReadFramesAsync(client, frame => workload.Complete(frame[EchoWorkload.HeaderBytes..])).ConfigureAwait(false);
                workload.Fail(new IOException("The echo server closed the connection."));
            }
            catch (Exception e) when (e is SocketException or InvalidDataException)
            {
                workload.Fail(e);
            }
        });
        var sendLock = new Lock();
        var result = await workload.RunAsync(frame =>
        {
            lock (sendLock)
                client.Send(frame);
        }, duration).ConfigureAwait(false);

        client.Shutdown(SocketShutdown.Send);
        await echo.ConfigureAwait(false);
        server.Shutdown(SocketShutdown.Send);
        await responses.ConfigureAwait(false);
        return result;
    }

    private delegate void RawFrameHandler(ReadOnlySpan<byte> frameWithHeader);

    /// <summary>Reads length-prefixed frames until the peer closes, handing each whole frame (header included) to <paramref name="onFrame"/>.</summary>
    private static async Task ReadFramesAsync(Socket socket, RawFrameHandler onFrame)
    {
        var buffer = new byte[ReceiveBufferBytes];
        var end = 0;
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None).ConfigureAwait(false);
            if (received == 0)
                return;
            end += received;
            var start = 0;
            while (end - start >= 4)
            {
                var frameBytes = 4 + BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(start));
                if (end - start < frameBytes)
                {
                    if (frameBytes > buffer.Length)
                        Array.Resize(ref buffer, frameBytes);
                    break;
                }
                onFrame(buffer.AsSpan(start, frameBytes));
                start += frameBytes;
            }
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
        }
    }
}
