using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cluster.Tests.Integration;

namespace Cluster.Tests.Deploy;

/// <summary>
/// Scaling the multi-process cluster under write load, as deploy/scale-demo.sh does: a silo joins, then one that holds
/// actors leaves gracefully, while callers write through the gateway without pause. Calls that reach the leaving
/// silo in its last moments are refused ("Silo stopping", 503); nothing else may fail, and nothing acknowledged is lost.
/// </summary>
public sealed class GracefulLeaveTests
{
    private const int Actors = 96;
    private const int Callers = 32;
    private const string Items = """{"primary": [{"dimension": "strength", "bucket": "FLAT", "value": 1, "system": "items"}], "derived": [], "caps": [], "context": {}, "meta": {"system": "items"}}""";

    [Fact]
    public async Task Acknowledged_writes_survive_silos_joining_and_leaving_and_the_calls_a_leaving_silo_refuses_are_503()
    {
        await using var cluster = await LocalCluster.UpAsync(silos: 2);
        var ids = Enumerable.Range(0, Actors).Select(i => $"leave-{i}").ToArray();
        foreach (var id in ids)
            (await cluster.Http.PutAsJsonAsync($"/api/v1/actors/{id}", new { name = id, race = "human", lifespan = 80, age = 30 })).EnsureSuccessStatusCode();
        var acknowledged = new long[Actors];
        var failed = new long[Actors];
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int caller)
        {
            for (var i = caller; !stop.IsCancellationRequested; i = (i + Callers) % Actors)
            {
                using var body = new StringContent(Items, System.Text.Encoding.UTF8, "application/json");
                using var response = await cluster.Http.PutAsync($"/api/v1/actors/{ids[i]}/subsystems/items", body);
                if (response.StatusCode == HttpStatusCode.OK)
                    Interlocked.Increment(ref acknowledged[i]);
                else
                {
                    Interlocked.Increment(ref failed[i]);
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                        failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(() => WriteAsync(c))).ToArray();
        await cluster.AddSiloAsync();
        await cluster.RemoveSiloAsync(2);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.Empty(failures);
        Assert.True(acknowledged.Sum() > Actors, $"only {acknowledged.Sum()} writes were acknowledged");
        // A refused write may have been applied all the same; an acknowledged one must be there.
        for (var i = 0; i < Actors; i++)
        {
            var version = (await cluster.GetAsync<JsonElement>($"/api/v1/actors/{ids[i]}")).GetProperty("version").GetInt64();
            Assert.InRange(version, 1 + acknowledged[i], 1 + acknowledged[i] + failed[i]);
        }
    }
}
