using System.Net;
using System.Text.Json;
using Xunit;

namespace Cluster.Tests.Gateway;

public sealed class ClusterEndpointTests
{
    [Fact]
    public async Task Healthz_and_readyz_answer_without_a_key()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = gateway.Client(key: null);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("silo-", body.RootElement.GetProperty("silo").GetString());
    }

    [Fact]
    public async Task Api_calls_without_a_valid_key_get_a_401_problem()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var missing = await gateway.Client(key: null).GetAsync("/api/v1/cluster/silos");
        var wrong = await gateway.Client(key: "nope").GetAsync("/api/v1/cluster/silos");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Admin_endpoints_refuse_client_keys_with_a_403()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var response = await gateway.Client().GetAsync("/api/v1/cluster/stats");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Silos_lists_the_embedded_silo_with_its_details()
    {
        await using var gateway = await GatewayHost.StartAsync("--Cluster:Roles:0=gpu", "--Cluster:SiloId=silo-under-test");
        await gateway.Client(key: null).GetAsync("/readyz");

        using var body = JsonDocument.Parse(await gateway.Admin().GetStringAsync("/api/v1/cluster/silos"));
        var silo = Assert.Single(body.RootElement.GetProperty("silos").EnumerateArray().ToList());
        Assert.True(body.RootElement.GetProperty("version").GetInt64() > 0);

        Assert.Equal("silo-under-test", silo.GetProperty("id").GetString());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.Equal(["gpu"], silo.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(silo.GetProperty("startTime").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.True(silo.TryGetProperty("activationCount", out _));
        Assert.True(silo.TryGetProperty("endpoint", out _));
    }

    [Fact]
    public async Task Stats_count_activations_and_calls_per_grain_type_and_method()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var anonymous = gateway.Client(key: null);
        for (var i = 0; i < 3; i++)
            await anonymous.GetAsync("/readyz");

        using var body = JsonDocument.Parse(await gateway.Admin().GetStringAsync("/api/v1/cluster/stats"));
        Assert.Equal(1, body.RootElement.GetProperty("activations").GetProperty("HealthGrain").GetInt32());
        var health = body.RootElement.GetProperty("grainTypes").EnumerateArray().Single(g => g.GetProperty("grainType").GetString() == "HealthGrain");
        var check = health.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "CheckAsync");

        Assert.Equal(3, check.GetProperty("calls").GetInt64());
        Assert.Equal(0, check.GetProperty("errors").GetInt64());
        Assert.True(check.GetProperty("p99LatencyMs").GetDouble() >= check.GetProperty("meanLatencyMs").GetDouble() * 0.5);
    }
}
