using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cluster.Bench;

/// <summary>The wrk HTTP load generator (Debian package <c>wrk</c>, installed when missing), run as a child process.</summary>
internal sealed partial class Wrk
{
    private readonly string _path;

    private Wrk(string path) => _path = path;

    public static Wrk Locate()
    {
        var found = Find();
        if (found is null)
        {
            Console.WriteLine("http: wrk is missing; installing the Debian package");
            var root = Environment.UserName == "root";
            var install = Process.Start(root ? "apt-get" : "sudo", root ? "install -y -qq wrk" : "apt-get install -y -qq wrk");
            install?.WaitForExit();
            found = Find() ?? throw new InvalidOperationException("wrk could not be installed: run `apt-get install -y wrk` and try again.");
        }
        return new Wrk(found);
    }

    /// <summary>Runs wrk against <paramref name="target"/> and reads its summary; fails on socket errors.</summary>
    public async Task<WrkRun> RunAsync(WrkTarget target, int connections, int seconds, int threads, GatewayProcess gateway)
    {
        var start = new ProcessStartInfo(_path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds}s", "--latency", "--timeout", "10s"])
            start.ArgumentList.Add(arg);
        if (target.Script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(target.Script);
        }
        start.ArgumentList.Add(target.Url);

        var cpuBefore = gateway.CpuTime;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk could not be started.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpu = gateway.CpuTime - cpuBefore;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {error}{output}");

        var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = 0L;
        var non2xx = Non2xxLine().Match(output);
        if (non2xx.Success)
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        var socketErrors = SocketErrorsLine().Match(output);
        if (socketErrors.Success)
        {
            for (var g = 1; g <= 4; g++)
                errors += long.Parse(socketErrors.Groups[g].Value, CultureInfo.InvariantCulture);
        }

        var run = new WrkRun(
            double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            errors,
            cpu.TotalMicroseconds / Math.Max(1, requests));
        Console.WriteLine($"{target.Name}: {run.RequestsPerSecond:N0} requests/s, p50 {run.P50Ms:F2} ms, p99 {run.P99Ms:F2} ms, {errors} errors, gateway CPU {run.GatewayCpuMicrosPerRequest:F1} µs/request");
        return run;
    }

    /// <summary>A latency percentile from wrk's "Latency Distribution" table, in milliseconds.</summary>
    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
            throw new InvalidOperationException($"wrk printed no {label} latency:\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            _ => value * 1000,
        };
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, "wrk");
            if (dir.Length > 0 && File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
