using System.Diagnostics;

namespace Cluster.Bench;

/// <summary>
/// A PostgreSQL server for one run, started and stopped by the project's <c>deploy/postgres.sh</c> (a temporary data
/// directory on a free loopback port); disposing stops it and removes its data.
/// </summary>
internal sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _dataDirectory;

    private ThrowAwayPostgres(string script, string dataDirectory, string connectionString)
    {
        _script = script;
        _dataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var script = Script();
        var output = await BashAsync(script, "pg_start && printf '%s\\n%s\\n' \"$PG_DATA\" \"$PG_CONNECTION\"");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
            throw new InvalidOperationException($"pg_start did not report its data directory and connection string: {output}");
        return new ThrowAwayPostgres(script, lines[^2], lines[^1]);
    }

    public async ValueTask DisposeAsync() => await BashAsync(_script, "PG_DATA=\"$1\" && pg_stop", _dataDirectory);

    /// <summary>Runs <paramref name="command"/> in bash after sourcing the script; its arguments are $1, $2, ….</summary>
    private static async Task<string> BashAsync(string script, string command, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-c", $"source \"$0\" && {command}", script, .. args])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(script)}: '{command}' exited with {process.ExitCode}: {await errors}");
        return await output;
    }

    /// <summary>deploy/postgres.sh of the checkout this bench was built in.</summary>
    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "postgres.sh");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("deploy/postgres.sh was not found above the bench's build directory; pass --connection or set " + AnalyticsMode.ConnectionVariable + ".");
    }
}
