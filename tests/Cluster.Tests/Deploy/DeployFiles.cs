using System.Diagnostics;

namespace Cluster.Tests.Deploy;

/// <summary>The repository's deployment files and the command-line tools that check them (deploy/install.sh installs them).</summary>
internal static class DeployFiles
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Runs a tool in <paramref name="directory"/> (the repository root by default) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, string[] args, string? directory = null)
    {
        var start = new ProcessStartInfo(tool, args)
        {
            WorkingDirectory = directory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started; run deploy/install.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The tool's standard output; any other exit code than 0 fails with what it wrote.</summary>
    public static async Task<string> OutputOfAsync(string tool, string[] args, string? directory = null)
    {
        var (exit, output, error) = await RunAsync(tool, args, directory);
        if (exit != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {exit}: {error}{output}");
        return output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "docker-compose.yml")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
                return dir.FullName;
        throw new InvalidOperationException("docker-compose.yml was not found above the test's directory.");
    }
}
