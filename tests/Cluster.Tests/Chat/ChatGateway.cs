using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.Tests.Gateway;
using Cluster.Tests.Knowledge.Http;

namespace Cluster.Tests.Chat;

/// <summary>A gateway on the embedded default with a tenant whose knowledge base holds a small handbook.</summary>
public class ChatGateway : Xunit.IAsyncLifetime
{
    public static readonly string[] Handbook =
    [
        "Annual leave. Every employee receives 25 days of paid leave per calendar year. New employees receive 20 days of paid leave in their first year. Leave must be booked two weeks ahead.",
        "Travel. Trains are booked in second class. Flights need a manager's approval. Hotel costs are refunded up to 150 euros per night.",
        "Equipment. Every employee gets a laptop and a headset. Broken equipment is replaced within three working days.",
    ];

    public GatewayHost Gateway { get; private set; } = null!;

    public Tenant Tenant { get; private set; } = null!;

    public string KnowledgeBaseId { get; private set; } = "";

    public KnowledgeApi Api { get; private set; } = null!;

    protected virtual string[] Arguments => [];

    public virtual async Task InitializeAsync()
    {
        Gateway = await GatewayHost.StartAsync(Arguments);
        Api = new KnowledgeApi(Gateway);
        Tenant = await Api.CreateTenantAsync();
        KnowledgeBaseId = await KnowledgeApi.CreateKnowledgeBaseAsync(Tenant.Http);
        var titles = new[] { "Leave", "Travel", "Equipment" };
        for (var i = 0; i < Handbook.Length; i++)
        {
            var id = await KnowledgeApi.AcceptedIdAsync(KnowledgeApi.UploadTextAsync(Tenant.Http, KnowledgeBaseId, titles[i], Handbook[i]));
            await KnowledgeApi.FinishedAsync(Tenant.Http, KnowledgeBaseId, id);
        }

        await KnowledgeApi.WaitForVersionAsync(Tenant.Http, KnowledgeBaseId, Handbook.Length);
    }

    public virtual async Task DisposeAsync() => await Gateway.DisposeAsync();

    public async Task<string> CreateSessionAsync(HttpClient? http = null)
    {
        var created = await KnowledgeApi.ReadAsync(await (http ?? Tenant.Http).PostAsync($"/api/v1/knowledge-bases/{KnowledgeBaseId}/sessions", null), HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Asks with streaming; the response's headers have arrived, its events are to be read.</summary>
    public static async Task<HttpResponseMessage> AskStreamingAsync(HttpClient http, string sessionId, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{sessionId}/messages")
        {
            Content = KnowledgeApi.Json(JsonSerializer.Serialize(new { question, stream = true })),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public static async Task<HttpResponseMessage> EventsAsync(HttpClient http, string sessionId, string messageId, long? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/{sessionId}/messages/{messageId}/events");
        if (lastEventId is { } last)
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async Task<JsonObject> SessionAsync(string sessionId) =>
        await KnowledgeApi.ReadAsync(await Tenant.Http.GetAsync($"/api/v1/knowledge-bases/{KnowledgeBaseId}/sessions/{sessionId}"), HttpStatusCode.OK);

    /// <summary>Polls the session until its message has ended; returns the message.</summary>
    public async Task<JsonObject> EndedMessageAsync(string sessionId, string messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var message = (await SessionAsync(sessionId))["messages"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == messageId)!.AsObject();
            if (message["status"]!.GetValue<string>() != "answering")
                return message;
            Xunit.Assert.True(DateTime.UtcNow < deadline, $"message {messageId} is still being answered");
            await Task.Delay(20);
        }
    }
}
