using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace Cluster.Grains.Chat.Routing;

/// <summary>The Microsoft.Extensions.AI chat client of a backend, over an HTTP client the router owns.</summary>
public static class LlmClients
{
    public static IChatClient Create(LlmBackendOptions backend, HttpClient http) => backend.ParsedKind switch
    {
        LlmBackendKind.OpenAI => new ChatClient(backend.Model, new ApiKeyCredential(backend.ApiKey is { Length: > 0 } key ? key : "unused"),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(backend.Endpoint),
                Transport = new HttpClientPipelineTransport(http),
                // The router fails over and counts failures itself; the SDK's retries would hide both.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = backend.Timeout,
            }).AsIChatClient(),
        _ => new OllamaApiClient(Configure(http, backend), backend.Model),
    };

    private static HttpClient Configure(HttpClient http, LlmBackendOptions backend)
    {
        http.BaseAddress = new Uri(backend.Endpoint);
        http.Timeout = Timeout.InfiniteTimeSpan;
        return http;
    }
}
