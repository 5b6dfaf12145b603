using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Cluster.Tests.Integration;

/// <summary>Failover and scale-out of a real multi-process cluster on Redis and PostgreSQL.</summary>
[Collection(TimingSensitive.Name)]
public sealed class FailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Grains = 500;

    [Fact]
    public async Task Killing_a_silo_loses_no_acknowledged_write_and_a_new_silo_takes_over_grains()
    {
        await using var cluster = await LocalCluster.UpAsync(silos: 3);
        var run = Guid.NewGuid().ToString("N")[..8];
        string TaskType(int i) => $"failover-{run}-{i}";

        // Two acknowledged writes per grain; the second is the state every grain must answer with afterwards.
        for (var round = 0; round < 2; round++)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Grains), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var response = await cluster.Http.PostAsJsonAsync("/api/v1/agents/feedback", new { taskType = TaskType(i), agent = "a", success = true, latencyMs = 10 }, ct);
                response.EnsureSuccessStatusCode();
            });
        }

        Process.GetProcessById(cluster.SiloPid(2)).Kill();
        var killed = Stopwatch.StartNew();

        await EveryGrainAnswers(cluster, TaskType, TimeSpan.FromSeconds(10));
        var recovered = killed.Elapsed;
        output.WriteLine($"all {Grains} grains answered with their acknowledged state {recovered.TotalSeconds:F2} s after kill -9");
        Assert.True(recovered < TimeSpan.FromSeconds(10), $"recovered after {recovered.TotalSeconds:F1} s");

        await cluster.AddSiloAsync();
        await WaitUntilAsync(async () => (await SiloStatus(cluster, "silo-4")) == "Active", TimeSpan.FromSeconds(20));
        await EveryGrainAnswers(cluster, TaskType, TimeSpan.FromSeconds(10));
        await WaitUntilAsync(async () => await ActivationCount(cluster, "silo-4") > 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_silo_the_cluster_declared_dead_stops_serving_and_exits()
    {
        await using var cluster = await LocalCluster.UpAsync(silos: 2);
        var silo = Process.GetProcessById(cluster.SiloPid(2));

        // Frozen for longer than the failure detector waits, the silo is declared dead while it cannot object.
        Signal(silo.Id, "STOP");
        await WaitUntilAsync(async () => (await SiloStatus(cluster, "silo-2")) == "Dead", TimeSpan.FromSeconds(15));
        Signal(silo.Id, "CONT");

        Assert.True(silo.WaitForExit(TimeSpan.FromSeconds(20)), "the silo declared dead kept running");
        using var ready = await cluster.Http.GetAsync("/readyz");
        Assert.True(ready.IsSuccessStatusCode);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
    }

    private static async Task EveryGrainAnswers(LocalCluster cluster, Func<int, string> taskType, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        var pending = Enumerable.Range(0, Grains).ToHashSet();
        while (pending.Count > 0)
        {
            if (deadline.Elapsed > within)
                throw new TimeoutException($"{pending.Count} grains did not answer with their acknowledged state within {within.TotalSeconds} s.");
            var answered = new System.Collections.Concurrent.ConcurrentBag<int>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                using var response = await cluster.Http.GetAsync($"/api/v1/agents/{taskType(i)}/models", ct);
                if (!response.IsSuccessStatusCode)
                    return;
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                Assert.Equal(2, body.RootElement.GetProperty("agents").GetProperty("a").GetProperty("feedbacks").GetInt64());
                answered.Add(i);
            });
            pending.ExceptWith(answered);
            if (pending.Count > 0)
                await Task.Delay(200);
        }
    }

    private static async Task<string?> SiloStatus(LocalCluster cluster, string siloId)
    {
        using var body = JsonDocument.Parse(await cluster.Http.GetStringAsync("/api/v1/cluster/silos"));
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
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(250);
        }
    }
}
