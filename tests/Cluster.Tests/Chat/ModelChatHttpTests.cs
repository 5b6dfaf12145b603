using System.Net;
using Cluster.Tests.Knowledge.Http;
using Xunit;

namespace Cluster.Tests.Chat;

/// <summary>Chat through the gateway answered by a model backend (a real HTTP server speaking the OpenAI protocol).</summary>
public sealed class ModelChatHttpTests(ModelChatGateway chat) : IClassFixture<ModelChatGateway>
{
    [Fact]
    public async Task The_model_streams_its_answer_and_done_names_the_backend_with_its_reported_tokens()
    {
        var sessionId = await chat.CreateSessionAsync();
        chat.Model.Tokens = 5;
        try
        {
            using var response = await ChatGateway.AskStreamingAsync(chat.Tenant.Http, sessionId, "Who approves flights?");
            var events = await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync());

            Assert.Equal("references", events[0].Type);
            Assert.Equal(chat.Model.Answer(), string.Concat(events[1..^1].Select(e => e.Json.GetProperty("text").GetString())));
            var done = events[^1].Json;
            Assert.Equal("llm:scripted", done.GetProperty("answerer").GetString());
            Assert.Equal("backend", done.GetProperty("usage").GetProperty("counted").GetString());
            Assert.Equal(5, done.GetProperty("usage").GetProperty("completionTokens").GetInt64());
        }
        finally
        {
            chat.Model.Tokens = 200;
        }
    }

    [Fact]
    public async Task Stop_ends_generation_with_done_status_stopped_and_the_text_written_so_far_is_kept()
    {
        var sessionId = await chat.CreateSessionAsync();
        using var response = await ChatGateway.AskStreamingAsync(chat.Tenant.Http, sessionId, "Who approves flights?");
        var stream = await response.Content.ReadAsStreamAsync();
        var first = await ServerSentEvent.ReadAsync(stream, max: 3);
        var messageId = first[0].Json.GetProperty("messageId").GetString()!;

        var stop = await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages/{messageId}/stop", null), HttpStatusCode.OK);
        using var all = await ChatGateway.EventsAsync(chat.Tenant.Http, sessionId, messageId);
        var events = await ServerSentEvent.ReadAsync(await all.Content.ReadAsStreamAsync());

        Assert.True(stop["stopped"]!.GetValue<bool>());
        Assert.Equal("stopped", events[^1].Json.GetProperty("status").GetString());
        var written = string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Json.GetProperty("text").GetString()));
        Assert.True(written.Length < chat.Model.Answer().Length, "the answer was written in full despite the stop");
        var message = await chat.EndedMessageAsync(sessionId, messageId);
        Assert.Equal("stopped", message["status"]!.GetValue<string>());
        Assert.Equal(written, message["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_connection_dropped_mid_answer_resumes_with_Last_Event_ID_and_misses_and_repeats_nothing()
    {
        var sessionId = await chat.CreateSessionAsync();
        List<ServerSentEvent> before;
        using (var response = await ChatGateway.AskStreamingAsync(chat.Tenant.Http, sessionId, "Who approves flights?"))
            before = await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync(), max: 5);
        var messageId = before[0].Json.GetProperty("messageId").GetString()!;

        using var resumed = await ChatGateway.EventsAsync(chat.Tenant.Http, sessionId, messageId, lastEventId: before[^1].Id);
        var after = await ServerSentEvent.ReadAsync(await resumed.Content.ReadAsStreamAsync());

        // The answer was still being written when the client dropped: the resumed stream carried on to its end.
        Assert.True(after.Count > 100, $"only {after.Count} events followed the drop");
        var events = before.Concat(after).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(chat.Model.Answer(), string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Json.GetProperty("text").GetString())));
        Assert.Equal("done", events[^1].Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_admin_sees_the_backends_with_their_circuit_and_counters_and_tenant_keys_do_not()
    {
        var sessionId = await chat.CreateSessionAsync();
        chat.Model.Tokens = 3;
        try
        {
            await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages",
                KnowledgeApi.Json("""{"question":"Who approves flights?","stream":false}""")), HttpStatusCode.OK);
        }
        finally
        {
            chat.Model.Tokens = 200;
        }

        var response = await chat.Gateway.Admin().GetAsync("/api/v1/llm/backends");
        var backends = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        var scripted = Assert.Single(backends)!;
        Assert.Equal("scripted", scripted["name"]!.GetValue<string>());
        Assert.Equal("Closed", scripted["breaker"]!.GetValue<string>());
        Assert.True(scripted["requests"]!.GetValue<long>() >= 1);
        Assert.NotEqual(HttpStatusCode.OK, (await chat.Tenant.Http.GetAsync("/api/v1/llm/backends")).StatusCode);
    }
}
