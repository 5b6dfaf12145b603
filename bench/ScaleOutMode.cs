using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cluster.Bench;

/// <summary>
/// Scaling a running cluster under steady load, through its gateway: actors written without pause over HTTP while a
/// silo joins and then one leaves gracefully. Phases: before, join (the join command, until one more silo is active),
/// leave (the leave command, which returns once the silo has exited) and after; each lasts at least --seconds after
/// its change and until every actor has answered a write started in it (20 s at most). Per phase it reports writes,
/// failures, p99 and max latency; for the leave, how many activations the leaving silo held. At the end each actor's
/// stored version is compared with the writes acknowledged to it.
/// Usage: <c>scale-out --gateway URL --admin-key KEY --join CMD --leave CMD --leaving SILO [--actors N] [--callers N] [--seconds N]</c>.
/// deploy/scale-demo.sh runs it against the local cluster.
/// </summary>
internal static class ScaleOutMode
{
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = new Uri(Required(args, "--gateway"));
        var adminKey = Required(args, "--admin-key");
        var join = Required(args, "--join");
        var leave = Required(args, "--leave");
        var leaving = Required(args, "--leaving");
        var actorCount = BenchOptions.IntOption(args, "--actors", 200);
        var callerCount = BenchOptions.IntOption(args, "--callers", 16);
        var settle = TimeSpan.FromSeconds(BenchOptions.IntOption(args, "--seconds", 5));

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("X-API-Key", adminKey);

        var run = Guid.NewGuid().ToString("N")[..8];
        var actors = new string[actorCount];
        for (var i = 0; i < actorCount; i++)
        {
            actors[i] = $"scale-{run}-{i}";
            var profile = new StringContent($$"""{"name": "{{actors[i]}}", "race": "human", "lifespan": 80, "age": 30}""", Encoding.UTF8, "application/json");
            (await http.PutAsync($"/api/v1/actors/{actors[i]}", profile)).EnsureSuccessStatusCode();
        }

        var silos = await SilosAsync(http);
        Console.WriteLine($"{actorCount} actors written; silos: {Describe(silos)}");
        var load = new HttpWriteLoad(http, actors, callerCount);
        await Task.Delay(settle);

        var before = await HandOverPhase.RunAsync(load, AnswerLimit, "before", actorCount, () => Task.CompletedTask, settle);
        var joining = await HandOverPhase.RunAsync(load, AnswerLimit, "join", actorCount, async () =>
        {
            await ShellAsync(join);
            await WaitForActiveSilosAsync(http, ActiveCount(silos) + 1);
        }, settle);
        silos = await SilosAsync(http);
        var moved = ActivationsOf(silos, leaving);
        Console.WriteLine($"before the leave: {Describe(silos)}");
        var leavingPhase = await HandOverPhase.RunAsync(load, AnswerLimit, "leave", actorCount, () => ShellAsync(leave), settle);
        var after = await HandOverPhase.RunAsync(load, AnswerLimit, "after", actorCount, () => Task.CompletedTask, settle);
        await load.StopAsync();

        var (lost, unacknowledged) = await CompareStoredVersionsAsync(http, actors, load.Acknowledged);
        Console.WriteLine($"silos: {Describe(await SilosAsync(http))}");
        foreach (var phase in (HandOverPhase[])[before, joining, leavingPhase, after])
            Console.WriteLine(phase.Describe());
        Console.WriteLine($"{leaving} held {moved} activations when it left; stored versions: {lost} acknowledged writes lost, {unacknowledged} failed writes kept");

        var result = new Dictionary<string, object>
        {
            ["mode"] = "scale-out",
            ["cores"] = Environment.ProcessorCount,
            ["actors"] = actorCount,
            ["callers"] = callerCount,
            ["grains_moved"] = moved,
            ["lost_writes"] = lost,
            ["failed_writes_kept"] = unacknowledged,
        };
        foreach (var phase in (HandOverPhase[])[before, joining, leavingPhase, after])
        {
            result[$"{phase.Name}_writes"] = phase.Calls;
            result[$"{phase.Name}_errors"] = phase.Failures;
            result[$"{phase.Name}_p99_ms"] = Math.Round(phase.Latency.PercentileMicros(0.99) / 1000, 1);
            result[$"{phase.Name}_max_ms"] = Math.Round(phase.MaxMs, 1);
        }

        return BenchResult.Print(result);
    }

    private static string Required(string[] args, string name) =>
        BenchOptions.Option(args, name) ?? throw new ArgumentException($"scale-out needs {name}; see deploy/scale-demo.sh.", name);

    /// <summary>Runs a shell command to its end; a failure stops the run, since the phases would not mean what they say.</summary>
    private static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"bash could not be started for: {command}");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}.");
    }

    private static async Task<JsonElement[]> SilosAsync(HttpClient http)
    {
        using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/v1/cluster/silos"));
        var silos = new List<JsonElement>();
        foreach (var silo in answer.RootElement.GetProperty("silos").EnumerateArray())
            silos.Add(silo.Clone());
        return [.. silos];
    }

    private static int ActiveCount(JsonElement[] silos)
    {
        var active = 0;
        foreach (var silo in silos)
        {
            if (silo.GetProperty("status").GetString() == "Active")
                active++;
        }

        return active;
    }

    private static async Task WaitForActiveSilosAsync(HttpClient http, int count)
    {
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (ActiveCount(await SilosAsync(http)) < count)
        {
            if (Stopwatch.GetTimestamp() > until)
                throw new TimeoutException($"The cluster did not reach {count} active silos within 60 s.");
            await Task.Delay(200);
        }
    }

    private static int ActivationsOf(JsonElement[] silos, string id)
    {
        foreach (var silo in silos)
        {
            if (silo.GetProperty("id").GetString() == id && silo.GetProperty("status").GetString() == "Active")
                return silo.GetProperty("activationCount").GetInt32();
        }

        throw new ArgumentException($"No active silo is named {id}.", "--leaving");
    }

    private static string Describe(JsonElement[] silos)
    {
        var parts = new List<string>(silos.Length);
        foreach (var silo in silos)
        {
            if (silo.GetProperty("status").GetString() == "Active")
                parts.Add($"{silo.GetProperty("id").GetString()} ({silo.GetProperty("activationCount").GetInt32()} activations)");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Each actor starts at version 1 (its profile); every acknowledged write adds one.</summary>
    private static async Task<(long Lost, long Unacknowledged)> CompareStoredVersionsAsync(HttpClient http, string[] actors, long[] acknowledged)
    {
        long lost = 0;
        long unacknowledged = 0;
        for (var i = 0; i < actors.Length; i++)
        {
            var actor = await http.GetFromJsonAsync<JsonElement>($"/api/v1/actors/{actors[i]}");
            var expected = 1 + acknowledged[i];
            var stored = actor.GetProperty("version").GetInt64();
            if (stored < expected)
                lost += expected - stored;
            else
                unacknowledged += stored - expected;
        }

        return (lost, unacknowledged);
    }
}
