using System.Net;
using System.Net.Sockets;

namespace Cluster.Tests.Membership;

/// <summary>
/// A TCP relay in front of the test Redis that can be cut and restored: the clients behind it lose Redis (their
/// connections drop, new ones are closed at once) while the server keeps running for everyone else.
/// </summary>
public sealed class RedisRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _target;
    private readonly Lock _lock = new();
    private readonly List<Socket> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private bool _cut;

    public RedisRelay(string target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Cut()
    {
        Socket[] open;
        lock (_lock)
        {
            _cut = true;
            open = [.. _open];
            _open.Clear();
        }
        foreach (var socket in open)
            socket.Dispose();
    }

    public void Restore()
    {
        lock (_lock)
            _cut = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var separator = _target.LastIndexOf(':');
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(_target[..separator], int.Parse(_target[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
            lock (_lock)
            {
                if (_cut)
                    return;
                _open.Add(client);
                _open.Add(server);
            }
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
