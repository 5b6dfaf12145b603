using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Cluster.Tests.Integration;

/// <summary>Failover and scale-out of a real multi-process Orleans cluster on Redis, PostgreSQL and mutual TLS.</summary>
[Collection(TimingSensitive.Name)]
public sealed class FailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Grains = 200;
    private static readonly TimeSpan Detection = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Killing_one_of_three_silos_under_write_load_loses_no_acknowledged_write_and_every_grain_answers_within_10_s()
    {
        await using var cluster = await LocalCluster.UpAsync(silos: 3);
        await using var membership = new MembershipTable(cluster);
        var load = new WriteLoad(cluster, $"kill-{Guid.NewGuid():N}"[..16]);
        await load.WriteEveryGrainOnceAsync();
        var writing = load.RunAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        Process.GetProcessById(cluster.SiloPid(2)).Kill();
        var killed = Stopwatch.StartNew();
        await WaitUntilAsync(() => membership.IsDeadAsync("silo-2"), Detection);
        output.WriteLine($"silo-2 declared dead {killed.Elapsed.TotalSeconds:F2} s after kill -9");
        await load.EveryGrainAnswersAsync(Detection - killed.Elapsed);
        output.WriteLine($"every grain answered {killed.Elapsed.TotalSeconds:F2} s after the kill");
        await load.StopAsync(writing);

        await load.EveryGrainKeepsItsAcknowledgedWritesAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"{load.Acknowledged} writes acknowledged and kept, {load.Refused} refused");

        await cluster.AddSiloAsync();
        await WaitUntilAsync(async () => await SiloStatus(cluster, "silo-4") == "Active", TimeSpan.FromSeconds(30));
        var fresh = new WriteLoad(cluster, $"scale-{Guid.NewGuid():N}"[..16]);
        await fresh.WriteEveryGrainOnceAsync();
        Assert.True(await ActivationCount(cluster, "silo-4") > 0, "the new silo took no new grains");
    }

    [Fact]
    public async Task A_hung_silo_is_declared_dead_within_10_s_loses_no_acknowledged_write_and_exits_when_it_resumes()
    {
        await using var cluster = await LocalCluster.UpAsync(silos: 3);
        await using var membership = new MembershipTable(cluster);
        var load = new WriteLoad(cluster, $"hang-{Guid.NewGuid():N}"[..16]);
        await load.WriteEveryGrainOnceAsync();
        var silo = Process.GetProcessById(cluster.SiloPid(2));

        Signal(silo.Id, "STOP");
        var stopped = Stopwatch.StartNew();
        var writing = load.RunAsync();
        await WaitUntilAsync(() => membership.IsDeadAsync("silo-2"), Detection);
        output.WriteLine($"silo-2 declared dead {stopped.Elapsed.TotalSeconds:F2} s after SIGSTOP");
        await WaitUntilAsync(async () => await SiloStatus(cluster, "silo-2") == "Dead", TimeSpan.FromSeconds(20));
        output.WriteLine($"the gateway lists silo-2 as dead {stopped.Elapsed.TotalSeconds:F2} s after SIGSTOP");
        await load.StopAsync(writing);
        await load.EveryGrainKeepsItsAcknowledgedWritesAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"{load.Acknowledged} writes acknowledged, {load.Refused} refused while it hung");

        Signal(silo.Id, "CONT");
        Assert.True(silo.WaitForExit(TimeSpan.FromSeconds(30)), "the silo declared dead kept running after it resumed");
        using var ready = await cluster.Http.GetAsync("/readyz");
        Assert.True(ready.IsSuccessStatusCode);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
    }

    /// <summary>The silo's status, or null while the gateway cannot tell (the cluster is still settling).</summary>
    private static async Task<string?> SiloStatus(LocalCluster cluster, string siloId)
    {
        using var response = await cluster.Http.GetAsync("/api/v1/cluster/silos");
        if (!response.IsSuccessStatusCode)
            return null;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("silos").EnumerateArray()
            .Where(s => s.GetProperty("id").GetString() == siloId).Select(s => s.GetProperty("status").GetString()).FirstOrDefault();
    }

    private static async Task<int> ActivationCount(LocalCluster cluster, string siloId)
    {
        using var body = JsonDocument.Parse(await cluster.Http.GetStringAsync("/api/v1/cluster/silos"));
        return body.RootElement.GetProperty("silos").EnumerateArray()
            .Where(s => s.GetProperty("id").GetString() == siloId).Select(s => s.GetProperty("activationCount").GetInt32()).FirstOrDefault();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"The condition did not hold within {timeout.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Agent feedback to <see cref="Grains"/> task types through the gateway, counting per grain what was acknowledged
    /// (200) and what was sent: a grain must afterwards hold at least its acknowledged feedbacks and at most its sent ones.
    /// </summary>
    private sealed class WriteLoad(LocalCluster cluster, string run)
    {
        private readonly long[] _acknowledged = new long[Grains];
        private readonly long[] _sent = new long[Grains];
        private readonly CancellationTokenSource _stop = new();
        private long _refused;

        public long Acknowledged => _acknowledged.Sum();

        public long Refused => Interlocked.Read(ref _refused);

        public async Task WriteEveryGrainOnceAsync()
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Grains), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                Assert.True(await WriteAsync(i), $"the first write to grain {i} was refused");
            });
        }

        public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, 16).Select(async writer =>
        {
            for (var i = writer; !_stop.IsCancellationRequested; i = (i + 16) % Grains)
                await WriteAsync(i);
        }));

        public async Task StopAsync(Task writing)
        {
            await _stop.CancelAsync();
            await writing;
        }

        /// <summary>Reads every grain until each has answered once, within <paramref name="within"/>.</summary>
        public Task EveryGrainAnswersAsync(TimeSpan within) => ReadEveryGrainAsync(within, (_, _) => { });

        /// <summary>Reads every grain until each answers with at least its acknowledged and at most its sent writes.</summary>
        public Task EveryGrainKeepsItsAcknowledgedWritesAsync(TimeSpan within) =>
            ReadEveryGrainAsync(within, (i, stored) => Assert.InRange(stored, Volatile.Read(ref _acknowledged[i]), Volatile.Read(ref _sent[i])));

        private async Task ReadEveryGrainAsync(TimeSpan within, Action<int, long> check)
        {
            var deadline = Stopwatch.StartNew();
            var pending = new ConcurrentDictionary<int, bool>(Enumerable.Range(0, Grains).Select(i => KeyValuePair.Create(i, true)));
            while (!pending.IsEmpty)
            {
                if (deadline.Elapsed > within)
                    throw new TimeoutException($"{pending.Count} grains did not answer within {within.TotalSeconds:F1} s.");
                await Parallel.ForEachAsync(pending.Keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                {
                    using var response = await cluster.Http.GetAsync($"/api/v1/agents/{TaskType(i)}/models", ct);
                    if (!response.IsSuccessStatusCode)
                        return;
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                    var stored = body.RootElement.GetProperty("agents").GetProperty("a").GetProperty("feedbacks").GetInt64();
                    check(i, stored);
                    pending.TryRemove(i, out _);
                });
                if (!pending.IsEmpty)
                    await Task.Delay(100);
            }
        }

        private string TaskType(int i) => $"{run}-{i}";

        private async Task<bool> WriteAsync(int i)
        {
            Interlocked.Increment(ref _sent[i]);
            try
            {
                using var response = await cluster.Http.PostAsJsonAsync("/api/v1/agents/feedback",
                    new { taskType = TaskType(i), agent = "a", success = true, latencyMs = 10 });
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _acknowledged[i]);
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not acknowledged: the write may or may not have been stored.
            }

            Interlocked.Increment(ref _refused);
            return false;
        }
    }
}
