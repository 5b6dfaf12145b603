using System.Net;
using System.Net.Sockets;

namespace Cluster.Silo.Hosting;

/// <summary>A port nothing listens on right now, for settings that ask for port 0.</summary>
internal static class FreePort
{
    public static int On(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
