using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cluster.Tests.Chat;

/// <summary>
/// A redis-server of the test's own, started and stopped with deploy/redis.sh on a port that stays the same across
/// restarts, so a client can watch it go away and come back.
/// </summary>
internal sealed class ScriptedRedis : IAsyncDisposable
{
    private readonly string _root;
    private string? _directory;

    private ScriptedRedis(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static async Task<ScriptedRedis> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var redis = new ScriptedRedis(RepositoryRoot(), port);
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

    private async Task<string> ScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source deploy/redis.sh && {command}"])
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/redis.sh: '{command}' failed ({process.ExitCode}): {await output}{await error}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "redis.sh")))
                return dir.FullName;
        }

        throw new InvalidOperationException("deploy/redis.sh was not found above the test's directory.");
    }
}
