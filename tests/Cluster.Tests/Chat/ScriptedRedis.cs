using System.Net;
using System.Net.Sockets;
using Cluster.Tests.Deploy;

namespace Cluster.Tests.Chat;

/// <summary>
/// A redis-server of the test's own, started and stopped with deploy/redis.sh on a port that stays the same across
/// restarts, so a client can watch it go away and come back.
/// </summary>
internal sealed class ScriptedRedis : IAsyncDisposable
{
    private string? _directory;

    private ScriptedRedis(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static async Task<ScriptedRedis> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var redis = new ScriptedRedis(port);
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync() =>
        _directory = (await ScriptAsync($"REDIS_PORT={Port} redis_start && echo \"$REDIS_DIR\"")).Trim();

    public async Task StopAsync()
    {
        if (_directory is null)
            return;
        await ScriptAsync($"REDIS_DIR='{_directory}' redis_stop");
        _directory = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static Task<string> ScriptAsync(string command) =>
        DeployFiles.OutputOfAsync("bash", ["-c", $"source deploy/redis.sh && {command}"]);
}
