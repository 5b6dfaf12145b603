using System.Net;
using Cluster.Runtime.Transport;

namespace Cluster.Bench;

/// <summary>
/// The echo workload of <see cref="TcpEchoBaseline"/> carried by the cluster transport instead: an authenticated
/// <see cref="Connection"/> to a <see cref="ConnectionListener"/> that echoes each frame with <see cref="Connection.Send"/>.
/// Same frames on the wire (the transport's length prefix replaces the baseline's), same requests in flight.
/// </summary>
public static class TransportEcho
{
    public static async Task<EchoResult> RunAsync(int payloadBytes, int inFlight, TimeSpan duration)
    {
        var workload = new EchoWorkload(payloadBytes, inFlight);
        await using var listener = ConnectionListener.Start(new IPEndPoint(IPAddress.Loopback, 0), Options("silo-echo"),
            static (connection, request) => connection.Send(request));
        await using var client = await Connection.ConnectAsync(listener.EndPoint, Options("client:echo-bench"),
            (_, response) => workload.Complete(response)).ConfigureAwait(false);
        _ = client.Closed.ContinueWith(closed => workload.Fail(new IOException($"The connection closed: {closed.Result}")), TaskScheduler.Default);

        return await workload.RunAsync(frame => client.Send(frame.AsSpan(EchoWorkload.HeaderBytes)), duration).ConfigureAwait(false);
    }

    private static TransportOptions Options(string identity) => new()
    {
        ClusterId = "echo-bench",
        SharedSecret = "echo-bench-shared-secret",
        LocalIdentity = identity,
    };
}
