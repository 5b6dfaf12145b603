using System.Diagnostics;

namespace Cluster.Bench;

/// <summary>
/// The Release gateway (with its embedded silo) as a child process on a free loopback port, for load generators
/// that must run in another process. Disposing kills it.
/// </summary>
internal sealed class GatewayProcess : IDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private GatewayProcess(Uri address, string[] settings)
    {
        Address = address;
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Dll(), "--urls", address.ToString(), $"--Cluster:AdminKey={AdminKey}", "--Logging:LogLevel:Default=Warning", .. settings])
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>CPU time the gateway process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the gateway with extra settings (<c>--Cluster:…=…</c>) and waits until /readyz answers.</summary>
    public static async Task<GatewayProcess> StartAsync(params string[] settings)
    {
        var gateway = new GatewayProcess(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), settings);
        try
        {
            await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return gateway;
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
    }

    /// <summary>A client of the gateway sending the given key (the admin key unless told otherwise).</summary>
    public HttpClient Client(string key = AdminKey, int maxConnections = int.MaxValue)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Add("X-API-Key", key);
        return http;
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var probe = new HttpClient { BaseAddress = Address };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        string output;
        lock (_lastLines)
            output = string.Join('\n', _lastLines);
        throw new InvalidOperationException($"The gateway did not become ready within {limit.TotalSeconds} s. Its last output:\n{output}");
    }

    /// <summary>The gateway built next to this bench (Release build of client-gateway).</summary>
    private static string Dll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "client-gateway", "bin", "Release", "net10.0", "Cluster.Gateway.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("client-gateway/bin/Release/net10.0/Cluster.Gateway.dll was not found: run the bench with -c Release, which builds the gateway too.");
    }

    private void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
                _lastLines.Dequeue();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5_000);
        _process.Dispose();
    }
}
