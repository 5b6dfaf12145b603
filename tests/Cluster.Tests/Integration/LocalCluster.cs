using System.Diagnostics;
using System.Net.Http.Json;

namespace Cluster.Tests.Integration;

/// <summary>
/// A real multi-process cluster started by deploy/local-cluster.sh (Redis, PostgreSQL, silo processes and a
/// gateway on loopback) in a private state directory, stopped and removed on dispose.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _state;

    private LocalCluster(string root, string state, Dictionary<string, string> env)
    {
        _root = root;
        _state = state;
        Env = env;
        Http = new HttpClient { BaseAddress = new Uri(env["GATEWAY_URL"]), Timeout = TimeSpan.FromSeconds(15) };
        Http.DefaultRequestHeaders.Add("X-API-Key", env["ADMIN_KEY"]);
    }

    public Dictionary<string, string> Env { get; }

    public HttpClient Http { get; }

    public int SiloPid(int n) => int.Parse(Env[$"SILO_{n}_PID"], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<LocalCluster> UpAsync(int silos)
    {
        var root = RepositoryRoot();
        var state = Path.Combine(Path.GetTempPath(), "cluster-test-" + Guid.NewGuid().ToString("N"));
        await Script(root, state, "up", "--silos", silos.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new LocalCluster(root, state, ReadEnv(state));
    }

    public async Task AddSiloAsync()
    {
        await Script(_root, _state, "add-silo");
        foreach (var (k, v) in ReadEnv(_state))
            Env[k] = v;
    }

    /// <summary>Stops silo-<paramref name="n"/> gracefully and returns once it has left.</summary>
    public async Task RemoveSiloAsync(int n)
    {
        await Script(_root, _state, "remove-silo", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Env.Remove($"SILO_{n}_PID");
    }

    public async Task<T> GetAsync<T>(string path) => (await Http.GetFromJsonAsync<T>(path))!;

    private static Dictionary<string, string> ReadEnv(string state) =>
        File.ReadAllLines(Path.Combine(state, "local.env"))
            .Where(l => l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..].Trim('\''));

    private static async Task Script(string root, string state, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "local-cluster.sh"), .. args])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CLUSTER_STATE_DIR"] = state;
        start.Environment["CLUSTER_SKIP_BUILD"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"local-cluster.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "local-cluster.sh")))
                return dir.FullName;
        throw new InvalidOperationException("deploy/local-cluster.sh was not found above the test's directory.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Script(_root, _state, "down");
        Directory.Delete(_state, recursive: true);
    }
}
