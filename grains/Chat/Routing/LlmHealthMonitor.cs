using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cluster.Grains.Chat.Routing;

/// <summary>
/// Checks every backend every <see cref="LlmOptions.HealthInterval"/> with the cheapest request its protocol has
/// (the model list: GET models for openai, GET api/tags for ollama). Unhealthy backends are tried only after healthy
/// ones; the circuit, not the health check, is what stops traffic to a failing backend.
/// </summary>
public sealed class LlmHealthMonitor(LlmRouter router, TimeProvider clock, ILogger<LlmHealthMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!router.HasBackends)
            return;
        using var http = new HttpClient { Timeout = router.Options.HealthTimeout };
        using var timer = new PeriodicTimer(router.Options.HealthInterval, clock);
        do
        {
            await CheckAllAsync(http, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Checks every backend once, in parallel.</summary>
    public async Task CheckAllAsync(HttpClient http, CancellationToken cancellation)
    {
        var checks = new Task[router.Backends.Count];
        for (var i = 0; i < checks.Length; i++)
            checks[i] = CheckAsync(http, router.Backends[i], cancellation);
        await Task.WhenAll(checks).ConfigureAwait(false);
    }

    private async Task CheckAsync(HttpClient http, LlmBackend backend, CancellationToken cancellation)
    {
        bool healthy;
        try
        {
            using var response = await http.GetAsync(ProbeOf(backend.Options), HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            healthy = response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            healthy = false;
        }

        if (backend.Healthy != healthy)
            logger.LogWarning("Model backend {Backend} is now {Health}", backend.Name, healthy ? "healthy" : "unhealthy");
        backend.Healthy = healthy;
        backend.LastHealthCheck = clock.GetUtcNow();
    }

    private static Uri ProbeOf(LlmBackendOptions backend)
    {
        var endpoint = backend.Endpoint.EndsWith('/') ? backend.Endpoint : backend.Endpoint + "/";
        return new Uri(new Uri(endpoint), backend.ParsedKind == LlmBackendKind.Ollama ? "api/tags" : "models");
    }
}
