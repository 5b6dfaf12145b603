using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cluster.Tests.ScriptedOpenAi;

/// <summary>
/// A real HTTP server on loopback that speaks the OpenAI chat-completions protocol with streaming
/// (<c>POST /v1/chat/completions</c> answering <c>data: {chunk}</c> lines, a usage chunk and <c>data: [DONE]</c>) and
/// lists its model at <c>GET /v1/models</c>. Its answers are canned tokens ("&lt;name&gt;-0 &lt;name&gt;-1 …"), so a
/// caller can tell which backend answered; delays and failures are set per behaviour.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _completed;

    private ScriptedOpenAiServer(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The base address a client is configured with, e.g. http://127.0.0.1:PORT/v1.</summary>
    public string Endpoint { get; private set; } = "";

    public ScriptedBackendBehaviour Behaviour { get; set; }

    public TimeSpan FirstTokenDelay { get; set; }

    public TimeSpan TokenDelay { get; set; }

    public int Tokens { get; set; } = 8;

    /// <summary>Each token carries the <see cref="System.Diagnostics.Stopwatch"/> timestamp of its sending ("name-i@stamp "), so a reader in this process can time its way to it.</summary>
    public bool StampTokens { get; set; }

    /// <summary>Chat-completion requests received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Answers streamed to the end.</summary>
    public int Completed => Volatile.Read(ref _completed);

    public static async Task<ScriptedOpenAiServer> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app, name);
        app.MapGet("/v1/models", (HttpContext http) => server.ModelsAsync(http));
        app.MapPost("/v1/chat/completions", (HttpContext http) => server.CompleteAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>The answer a healthy server streams, as a client joins it.</summary>
    public string Answer()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Tokens; i++)
            text.Append(Token(i));
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ModelsAsync(HttpContext http)
    {
        if (Behaviour == ScriptedBackendBehaviour.Failing)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"object":"list","data":[{"id":"scripted-{{Name}}","object":"model","created":0,"owned_by":"tests"}]}""");
    }

    private async Task CompleteAsync(HttpContext http)
    {
        var number = Interlocked.Increment(ref _requests);
        // The request is read whole, as a real server would, before anything is answered.
        await http.Request.Body.CopyToAsync(Stream.Null);
        var behaviour = Behaviour;
        if (behaviour == ScriptedBackendBehaviour.Failing || (behaviour == ScriptedBackendBehaviour.Flaky && number % 2 == 0))
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"error":{"message":"the backend failed","type":"server_error","code":null}}""");
            return;
        }

        var cancellation = http.RequestAborted;
        if (FirstTokenDelay > TimeSpan.Zero)
            await Task.Delay(FirstTokenDelay, cancellation);
        http.Response.ContentType = "text/event-stream";
        await WriteAsync(http, Chunk("""{"role":"assistant","content":""}""", null), cancellation);
        for (var i = 0; i < Tokens; i++)
        {
            if (i > 0 && TokenDelay > TimeSpan.Zero)
                await Task.Delay(TokenDelay, cancellation);
            if (behaviour == ScriptedBackendBehaviour.BreaksMidStream && i == Tokens / 2)
            {
                http.Abort();
                return;
            }

            await WriteAsync(http, Chunk($$"""{"content":"{{Token(i)}}"}""", null), cancellation);
        }

        await WriteAsync(http, Chunk("{}", "\"stop\""), cancellation);
        await WriteAsync(http, string.Create(CultureInfo.InvariantCulture,
            $$$"""{"id":"chatcmpl-{{{number}}}","object":"chat.completion.chunk","created":0,"model":"scripted-{{{Name}}}","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":{{{Tokens}}},"total_tokens":{{{12 + Tokens}}}}}"""), cancellation);
        await WriteAsync(http, "[DONE]", cancellation);
        Interlocked.Increment(ref _completed);
    }

    private string Token(int i) => StampTokens
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}-{i}@{System.Diagnostics.Stopwatch.GetTimestamp()} ")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}-{i} ");

    private string Chunk(string delta, string? finishReason) =>
        $$$"""{"id":"chatcmpl-1","object":"chat.completion.chunk","created":0,"model":"scripted-{{{Name}}}","choices":[{"index":0,"delta":{{{delta}}},"finish_reason":{{{finishReason ?? "null"}}}}]}""";

    private static async Task WriteAsync(HttpContext http, string data, CancellationToken cancellation)
    {
        await http.Response.WriteAsync("data: " + data + "\n\n", cancellation);
        await http.Response.Body.FlushAsync(cancellation);
    }
}
