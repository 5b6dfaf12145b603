using System.Net;
using System.Net.Sockets;

namespace Cluster.Bench;

/// <summary>A loopback port nothing listens on right now.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
