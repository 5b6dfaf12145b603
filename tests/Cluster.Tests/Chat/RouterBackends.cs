using Cluster.Grains.Chat.Routing;
using Cluster.Tests.ScriptedOpenAi;
using Microsoft.Extensions.AI;

namespace Cluster.Tests.Chat;

/// <summary>Scripted OpenAI servers and a router over them, with a break short enough for tests.</summary>
internal sealed class RouterBackends : IAsyncDisposable
{
    private RouterBackends(ScriptedOpenAiServer[] servers, LlmRouter router)
    {
        Servers = servers;
        Router = router;
    }

    public ScriptedOpenAiServer[] Servers { get; }

    public LlmRouter Router { get; }

    public static async Task<RouterBackends> StartAsync(Action<LlmOptions>? configure, params (string Name, double Weight)[] backends)
    {
        var servers = new ScriptedOpenAiServer[backends.Length];
        var options = new LlmOptions
        {
            Breaker = new CircuitBreakerSettings { BreakDuration = TimeSpan.FromSeconds(1), SamplingWindow = TimeSpan.FromSeconds(30) },
        };
        for (var i = 0; i < backends.Length; i++)
        {
            servers[i] = await ScriptedOpenAiServer.StartAsync(backends[i].Name);
            options.Backends.Add(new LlmBackendOptions
            {
                Name = backends[i].Name,
                Kind = "openai",
                Endpoint = servers[i].Endpoint,
                Model = "scripted-" + backends[i].Name,
                Weight = backends[i].Weight,
                MaxConcurrency = 64,
                Timeout = TimeSpan.FromSeconds(10),
                FirstTokenTimeout = TimeSpan.FromSeconds(2),
            });
        }

        configure?.Invoke(options);
        return new RouterBackends(servers, new LlmRouter(options, TimeProvider.System));
    }

    public LlmBackend Backend(string name)
    {
        foreach (var backend in Router.Backends)
        {
            if (backend.Name == name)
                return backend;
        }

        throw new ArgumentException($"no backend {name}", nameof(name));
    }

    /// <summary>Asks once and reads the whole answer; returns the backend that answered and its text.</summary>
    public async Task<(string Backend, string Text)> AskAsync(CancellationToken cancellation = default)
    {
        await using var stream = await Router.OpenAsync([new ChatMessage(ChatRole.User, "hello")], cancellation);
        var text = new System.Text.StringBuilder();
        await foreach (var piece in stream.ReadTextAsync())
            text.Append(piece);
        return (stream.Backend.Name, text.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        Router.Dispose();
        foreach (var server in Servers)
            await server.DisposeAsync();
    }
}
