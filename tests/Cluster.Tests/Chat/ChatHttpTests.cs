using System.Net;
using System.Text.Json;
using Cluster.Tests.Knowledge.Http;
using Xunit;

namespace Cluster.Tests.Chat;

/// <summary>Chat through the gateway on the embedded default, over a real knowledge base, answered extractively.</summary>
public sealed class ChatHttpTests(ChatGateway chat) : IClassFixture<ChatGateway>
{
    private const string Question = "How many days of paid leave do new employees receive?";

    [Fact]
    public async Task A_streamed_answer_sends_references_then_deltas_then_done_and_cites_the_passage_it_quotes()
    {
        var sessionId = await chat.CreateSessionAsync();

        using var response = await ChatGateway.AskStreamingAsync(chat.Tenant.Http, sessionId, Question);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync());

        Assert.Equal("references", events[0].Type);
        Assert.Equal("done", events[^1].Type);
        Assert.All(events[1..^1], e => Assert.Equal("delta", e.Type));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        var references = events[0].Json.GetProperty("references").EnumerateArray().ToList();
        var answer = string.Concat(events[1..^1].Select(e => e.Json.GetProperty("text").GetString()));
        var leave = references.Single(r => r.GetProperty("title").GetString() == "Leave").GetProperty("number").GetInt32();
        Assert.Contains($"New employees receive 20 days of paid leave in their first year. [{leave}]", answer, StringComparison.Ordinal);
        var done = events[^1].Json;
        Assert.Equal("extractive", done.GetProperty("answerer").GetString());
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("latencyMs").GetDouble() > 0);
        var messageId = done.GetProperty("messageId").GetString()!;

        var stored = await chat.EndedMessageAsync(sessionId, messageId);
        Assert.Equal(answer, stored["answer"]!.GetValue<string>());
        Assert.Equal(references.Count, stored["references"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_receives_every_later_event_exactly_once_in_order()
    {
        var sessionId = await chat.CreateSessionAsync();
        List<ServerSentEvent> before;
        using (var first = await ChatGateway.AskStreamingAsync(chat.Tenant.Http, sessionId, Question))
            before = await ServerSentEvent.ReadAsync(await first.Content.ReadAsStreamAsync(), max: 3);
        var messageId = before[0].Json.GetProperty("messageId").GetString()!;

        using var resumed = await ChatGateway.EventsAsync(chat.Tenant.Http, sessionId, messageId, lastEventId: before[^1].Id);
        var after = await ServerSentEvent.ReadAsync(await resumed.Content.ReadAsStreamAsync());
        using var whole = await ChatGateway.EventsAsync(chat.Tenant.Http, sessionId, messageId);
        var all = await ServerSentEvent.ReadAsync(await whole.Content.ReadAsStreamAsync());

        Assert.Equal(all, before.Concat(after));
        Assert.Equal("done", after[^1].Type);
        using var query = await chat.Tenant.Http.GetAsync($"/api/v1/sessions/{sessionId}/messages/{messageId}/events?after=2");
        Assert.Equal(all.Skip(2), await ServerSentEvent.ReadAsync(await query.Content.ReadAsStreamAsync()));
    }

    [Fact]
    public async Task The_answer_is_written_in_full_when_the_asking_client_disconnects_after_the_first_event()
    {
        var sessionId = await chat.CreateSessionAsync();
        string messageId;
        using (var response = await ChatGateway.AskStreamingAsync(chat.Tenant.Http, sessionId, Question))
            messageId = (await ServerSentEvent.ReadAsync(await response.Content.ReadAsStreamAsync(), max: 1))[0].Json.GetProperty("messageId").GetString()!;

        var message = await chat.EndedMessageAsync(sessionId, messageId);

        Assert.Equal("done", message["status"]!.GetValue<string>());
        Assert.Contains("20 days", message["answer"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_without_streaming_answers_one_json_message_and_the_next_question_gets_the_history()
    {
        var sessionId = await chat.CreateSessionAsync();

        var answered = await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages",
            KnowledgeApi.Json("""{"question":"Who approves flights?","topK":2,"stream":false}""")), HttpStatusCode.OK);
        await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages",
            KnowledgeApi.Json("""{"question":"How fast is broken equipment replaced?","stream":false}""")), HttpStatusCode.OK);

        Assert.Equal("done", answered["status"]!.GetValue<string>());
        Assert.Equal("extractive", answered["answerer"]!.GetValue<string>());
        Assert.Contains("Flights need a manager's approval.", answered["answer"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(answered["references"]!.AsArray().Count, 1, 2);
        var messages = (await chat.SessionAsync(sessionId))["messages"]!.AsArray();
        Assert.Equal(["Who approves flights?", "How fast is broken equipment replaced?"], messages.Select(m => m!["question"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"question":""}""", "question")]
    [InlineData("""{"question":"leave?","topK":0}""", "topK")]
    [InlineData("""{"question":"leave?","topK":21}""", "topK")]
    [InlineData("""{"question":"leave?","tone":"formal"}""", "tone")]
    [InlineData("""{"question":"leave?","stream":"yes"}""", "stream")]
    public async Task Invalid_questions_are_refused_with_a_problem_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var sessionId = await chat.CreateSessionAsync();

        var response = await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages", KnowledgeApi.Json(body));

        var problem = await KnowledgeApi.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Empty((await chat.SessionAsync(sessionId))["messages"]!.AsArray());
    }

    [Fact]
    public async Task Another_tenant_cannot_see_use_or_delete_a_session_nor_open_one_on_the_knowledge_base()
    {
        var sessionId = await chat.CreateSessionAsync();
        var answered = await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages",
            KnowledgeApi.Json("""{"question":"Who approves flights?","stream":false}""")), HttpStatusCode.OK);
        var messageId = answered["id"]!.GetValue<string>();
        var other = await chat.Api.CreateTenantAsync();
        var kb = chat.KnowledgeBaseId;

        foreach (var response in new[]
        {
            await other.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/sessions/{sessionId}"),
            await other.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/sessions", null),
            await other.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages", KnowledgeApi.Json("""{"question":"leave?","stream":false}""")),
            await other.Http.GetAsync($"/api/v1/sessions/{sessionId}/messages/{messageId}/events"),
            await other.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages/{messageId}/stop", null),
            await other.Http.DeleteAsync($"/api/v1/knowledge-bases/{kb}/sessions/{sessionId}"),
        })
        {
            await KnowledgeApi.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        Assert.Single((await chat.SessionAsync(sessionId))["messages"]!.AsArray());
    }

    [Fact]
    public async Task A_key_without_the_chat_capability_is_refused_and_the_admin_key_has_no_sessions()
    {
        var retrieveOnly = await chat.Api.KeyAsync(chat.Tenant, "retrieve");

        await KnowledgeApi.ProblemAsync(await retrieveOnly.PostAsync($"/api/v1/knowledge-bases/{chat.KnowledgeBaseId}/sessions", null), HttpStatusCode.Forbidden);
        await KnowledgeApi.ProblemAsync(await chat.Gateway.Admin().PostAsync($"/api/v1/knowledge-bases/{chat.KnowledgeBaseId}/sessions", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_deleted_session_is_gone()
    {
        var sessionId = await chat.CreateSessionAsync();

        var deleted = await chat.Tenant.Http.DeleteAsync($"/api/v1/knowledge-bases/{chat.KnowledgeBaseId}/sessions/{sessionId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await KnowledgeApi.ProblemAsync(await chat.Tenant.Http.GetAsync($"/api/v1/knowledge-bases/{chat.KnowledgeBaseId}/sessions/{sessionId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stopping_an_answer_that_has_ended_says_so_and_an_unknown_message_is_not_found()
    {
        var sessionId = await chat.CreateSessionAsync();
        var answered = await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages",
            KnowledgeApi.Json("""{"question":"Who approves flights?","stream":false}""")), HttpStatusCode.OK);

        var stop = await KnowledgeApi.ReadAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages/{answered["id"]}/stop", null), HttpStatusCode.OK);

        Assert.False(stop["stopped"]!.GetValue<bool>());
        await KnowledgeApi.ProblemAsync(await chat.Tenant.Http.PostAsync($"/api/v1/sessions/{sessionId}/messages/{Guid.NewGuid():N}/stop", null), HttpStatusCode.NotFound);
    }
}
