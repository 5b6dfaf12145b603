using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cluster.Tests.Integration;

namespace Cluster.Tests.Deploy;

/// <summary>
/// Scaling the multi-process cluster under write load, as deploy/scale-demo.sh does: a silo joins, then one that holds
/// actors leaves gracefully, while callers write through the gateway without pause.
/// </summary>
public sealed class GracefulLeaveTests
{
    private const int Actors = 96;
    private const int Callers = 32;
    private const string Items = """{"primary": [{"dimension": "strength", "bucket": "FLAT", "value": 1, "system": "items"}], "derived": [], "caps": [], "context": {}, "meta": {"system": "items"}}""";

    [Fact]
    public async Task Writes_through_the_gateway_neither_fail_nor_get_lost_while_silos_join_and_leave()
    {
        await using var cluster = await LocalCluster.UpAsync(silos: 2);
        var ids = Enumerable.Range(0, Actors).Select(i => $"leave-{i}").ToArray();
        foreach (var id in ids)
            (await cluster.Http.PutAsJsonAsync($"/api/v1/actors/{id}", new { name = id, race = "human", lifespan = 80, age = 30 })).EnsureSuccessStatusCode();
        var acknowledged = new long[Actors];
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
                    failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(() => WriteAsync(c))).ToArray();
        await cluster.AddSiloAsync();
        await cluster.RemoveSiloAsync(2);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.Empty(failures);
        Assert.True(acknowledged.Sum() > Actors, $"only {acknowledged.Sum()} writes were acknowledged");
        for (var i = 0; i < Actors; i++)
        {
            var actor = await cluster.GetAsync<JsonElement>($"/api/v1/actors/{ids[i]}");
            Assert.Equal(1 + acknowledged[i], actor.GetProperty("version").GetInt64());
        }
    }
}
