using Cluster.Grains.Chat.Routing;
using Cluster.Tests.ScriptedOpenAi;
using Xunit;

namespace Cluster.Tests.Chat;

/// <summary>The router against real HTTP servers speaking the OpenAI streaming protocol.</summary>
public sealed class LlmRouterTests
{
    [Fact]
    public async Task A_healthy_backend_streams_its_answer_through_the_router_with_its_token_usage()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("a", 1));

        var (backend, text) = await backends.AskAsync();

        Assert.Equal("a", backend);
        Assert.Equal(backends.Servers[0].Answer(), text);
        Assert.Equal(1, backends.Backend("a").Requests);
        Assert.Equal(12 + backends.Servers[0].Tokens, backends.Backend("a").Tokens);
        Assert.Equal(0, backends.Backend("a").Outstanding);
    }

    [Fact]
    public async Task Requests_fail_over_to_the_next_backend_before_the_first_token_and_none_is_lost()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("failing", 10), ("healthy", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Failing;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => backends.AskAsync()));

        Assert.All(answers, a => Assert.Equal(("healthy", backends.Servers[1].Answer()), a));
        Assert.Equal(20, backends.Servers[1].Completed);
        Assert.True(backends.Backend("failing").Errors >= 1);
    }

    [Fact]
    public async Task Five_consecutive_failures_open_the_circuit_and_traffic_stops_reaching_the_backend()
    {
        await using var backends = await RouterBackends.StartAsync(o => o.Breaker.BreakDuration = TimeSpan.FromSeconds(30), ("failing", 100), ("healthy", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Failing;

        for (var i = 0; i < 12; i++)
            Assert.Equal("healthy", (await backends.AskAsync()).Backend);

        Assert.Equal(BreakerState.Open, backends.Backend("failing").Circuit.State);
        Assert.Equal(5, backends.Servers[0].Requests);
        Assert.Equal(12, backends.Servers[1].Completed);
    }

    [Fact]
    public async Task Half_the_calls_failing_over_the_window_opens_the_circuit_without_five_in_a_row()
    {
        await using var backends = await RouterBackends.StartAsync(o => o.Breaker.BreakDuration = TimeSpan.FromSeconds(30), ("flaky", 100), ("healthy", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Flaky;

        for (var i = 0; i < 30; i++)
            await backends.AskAsync();

        Assert.Equal(BreakerState.Open, backends.Backend("flaky").Circuit.State);
        // Polly samples the window once MinimumThroughput (10) calls are in it: a 50% failure ratio opens it there.
        Assert.InRange(backends.Servers[0].Requests, 10, 12);
    }

    [Fact]
    public async Task An_open_circuit_half_opens_after_the_break_and_closes_after_two_good_probes()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("recovering", 100), ("healthy", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Failing;
        for (var i = 0; i < 5; i++)
            await backends.AskAsync();
        var circuit = backends.Backend("recovering").Circuit;
        Assert.Equal(BreakerState.Open, circuit.State);

        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Healthy;
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        Assert.Equal(BreakerState.HalfOpen, circuit.State);

        Assert.Equal("recovering", (await backends.AskAsync()).Backend);
        Assert.Equal(BreakerState.HalfOpen, circuit.State);
        Assert.Equal("recovering", (await backends.AskAsync()).Backend);
        Assert.Equal(BreakerState.Closed, circuit.State);
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("down", 100), ("healthy", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Failing;
        for (var i = 0; i < 5; i++)
            await backends.AskAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        Assert.Equal(BreakerState.HalfOpen, backends.Backend("down").Circuit.State);

        Assert.Equal("healthy", (await backends.AskAsync()).Backend);

        Assert.Equal(BreakerState.Open, backends.Backend("down").Circuit.State);
        Assert.Equal(6, backends.Servers[0].Requests);
    }

    [Fact]
    public async Task A_backend_slower_than_its_first_token_timeout_is_passed_over()
    {
        await using var backends = await RouterBackends.StartAsync(o => o.Backends[0].FirstTokenTimeout = TimeSpan.FromMilliseconds(300), ("slow", 100), ("fast", 1));
        backends.Servers[0].FirstTokenDelay = TimeSpan.FromSeconds(5);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (backend, text) = await backends.AskAsync();

        Assert.Equal("fast", backend);
        Assert.Equal(backends.Servers[1].Answer(), text);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"failover took {started.Elapsed}");
        Assert.Equal(1, backends.Backend("slow").Errors);
    }

    [Fact]
    public async Task An_error_after_the_first_token_ends_the_answer_without_failing_over()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("breaking", 100), ("healthy", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.BreaksMidStream;
        // Tokens spaced out, so the client has read the first ones before the connection is dropped.
        backends.Servers[0].TokenDelay = TimeSpan.FromMilliseconds(100);

        await Assert.ThrowsAnyAsync<Exception>(() => backends.AskAsync());

        Assert.Equal(0, backends.Servers[1].Requests);
        Assert.Equal(1, backends.Backend("breaking").Errors);
        Assert.Equal(0, backends.Backend("breaking").Outstanding);
    }

    [Fact]
    public async Task Load_goes_to_the_backend_with_the_fewest_outstanding_requests_per_weight()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("heavy", 3), ("light", 1));
        foreach (var server in backends.Servers)
            server.TokenDelay = TimeSpan.FromMilliseconds(50);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => backends.AskAsync()));

        // Forty requests at once: least outstanding per weight sends three to "heavy" for each one to "light".
        Assert.Equal(30, backends.Servers[0].Requests);
        Assert.Equal(10, backends.Servers[1].Requests);
    }

    [Fact]
    public async Task Every_backend_failing_is_reported_with_each_ones_reason()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("x", 1), ("y", 1));
        foreach (var server in backends.Servers)
            server.Behaviour = ScriptedBackendBehaviour.Failing;

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => backends.AskAsync());

        Assert.Contains("x:", error.Message, StringComparison.Ordinal);
        Assert.Contains("y:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_marks_a_backend_whose_model_list_fails_as_unhealthy_and_routes_to_healthy_ones_first()
    {
        await using var backends = await RouterBackends.StartAsync(null, ("sick", 100), ("well", 1));
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Failing;
        var monitor = new LlmHealthMonitor(backends.Router, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<LlmHealthMonitor>.Instance);
        using var http = new HttpClient();

        await monitor.CheckAllAsync(http, CancellationToken.None);

        Assert.False(backends.Backend("sick").Healthy);
        Assert.True(backends.Backend("well").Healthy);
        backends.Servers[0].Behaviour = ScriptedBackendBehaviour.Healthy;
        Assert.Equal("well", (await backends.AskAsync()).Backend);
        await monitor.CheckAllAsync(http, CancellationToken.None);
        Assert.True(backends.Backend("sick").Healthy);
    }

    [Theory]
    [InlineData("Name", "", "Name is required")]
    [InlineData("Kind", "grpc", "kind 'grpc'")]
    [InlineData("Endpoint", "not a url", "Endpoint 'not a url'")]
    [InlineData("Weight", "0", "Weight of backend")]
    [InlineData("MaxConcurrency", "0", "MaxConcurrency of backend")]
    public void Invalid_backend_settings_are_refused_at_start_naming_the_setting(string setting, string value, string expected)
    {
        var backend = new LlmBackendOptions { Name = "b", Kind = "openai", Endpoint = "http://127.0.0.1:1/v1", Model = "m" };
        switch (setting)
        {
            case "Name": backend.Name = value; break;
            case "Kind": backend.Kind = value; break;
            case "Endpoint": backend.Endpoint = value; break;
            case "Weight": backend.Weight = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: backend.MaxConcurrency = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var error = Assert.Throws<LlmConfigurationException>(() => new LlmOptions { Backends = [backend] }.Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
