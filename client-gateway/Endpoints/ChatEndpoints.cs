using System.Globalization;
using Cluster.Gateway.Endpoints.Chat;
using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Security;
using Cluster.GrainInterfaces.Chat;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains.Chat.Streams;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class ChatEndpoints
{
    private const string ExampleKnowledgeBaseId = KnowledgeBaseEndpoints.ExampleKnowledgeBaseId;
    private const string ExampleSessionId = "5b0f3c1e8d2a4f6b9c7e1a3d5f7b9c2e";
    private const string ExampleMessageId = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

    /// <summary>
    /// Chat over a knowledge base: sessions, questions answered from its passages with citations (streamed as
    /// server-sent events or as one JSON message), resumable event streams, stopping an answer, and the model
    /// backends' state (admin).
    /// </summary>
    public static void MapChatEndpoints(this RouteGroupBuilder api)
    {
        // Sessions belong to tenants: tenant keys with the chat capability only.
        var sessions = api.MapGroup("/knowledge-bases/{kbId}/sessions").WithTags("chat").RequireTenantCapability(TenantCapability.Chat);
        sessions.MapPost("", async (string kbId, HttpContext http, IGrainFactory grains) =>
        {
            // The knowledge base must be the caller's: another tenant's answers as a missing one.
            await KnowledgeBaseEndpoints.KnowledgeBase(grains, kbId).GetAsync(TenantOf(http));
            var sessionId = Guid.NewGuid().ToString("N");
            var session = await grains.GetGrain<IChatSessionGrain>(sessionId).CreateAsync(TenantOf(http), kbId);
            return Results.Created($"/api/v1/knowledge-bases/{kbId}/sessions/{sessionId}", new CreatedSession(session.Id, session.KnowledgeBaseId, session.CreatedAt));
        }).WithSummary("Create a chat session over a knowledge base").Produces<CreatedSession>(StatusCodes.Status201Created)
          .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId));

        sessions.MapGet("/{sessionId}", async (string kbId, string sessionId, HttpContext http, IGrainFactory grains) =>
            await SessionAsync(grains, http, kbId, sessionId))
          .WithSummary("A session with its kept messages and their references")
          .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId), ("sessionId", ExampleSessionId));

        sessions.MapDelete("/{sessionId}", async (string kbId, string sessionId, HttpContext http, IGrainFactory grains) =>
        {
            await SessionAsync(grains, http, kbId, sessionId);
            await Session(grains, sessionId).DeleteAsync(TenantOf(http));
            return Results.NoContent();
        }).WithSummary("Delete a session, stopping any answer being written").Produces(StatusCodes.Status204NoContent)
          .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId), ("sessionId", ExampleSessionId));

        var messages = api.MapGroup("/sessions/{sessionId}/messages").WithTags("chat").RequireTenantCapability(TenantCapability.Chat);
        messages.MapPost("", async (string sessionId, AskRequest body, HttpContext http, IGrainFactory grains, IChatEventStore events) =>
        {
            var question = body.ToQuestion();
            question.Validate();
            var session = await ReachAsync(grains, http, sessionId);
            var started = await session.AskAsync(TenantOf(http), question);
            var stream = IChatEventStore.StreamOf(sessionId, started.MessageId);
            http.Response.Headers.Location = $"/api/v1/sessions/{sessionId}/messages/{started.MessageId}/events";
            if (body.Stream ?? true)
                return new ChatEventsResult(events, stream, 0);
            await ChatEventsResult.WaitForEndAsync(events, stream, http.RequestAborted);
            var answered = await session.GetAsync(TenantOf(http));
            var message = answered.Messages.FirstOrDefault(m => m.Id == started.MessageId)
                ?? throw ChatSessionNotFoundException.ForMessage(sessionId, started.MessageId);
            return message.Status == ChatMessageStatus.Failed
                ? Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The answer failed", detail: message.Error)
                : Results.Ok(new AnsweredMessage(sessionId, message));
        }).WithSummary("Ask a question: the answer streamed as server-sent events (references, delta…, done or error), or one JSON message with stream false")
          .Produces<AnsweredMessage>(StatusCodes.Status200OK, "application/json", ChatEventsResult.ContentType)
          .ProducesProblem(StatusCodes.Status502BadGateway)
          .WithRequestExample("""{"question":"How many days of leave do new employees get?","topK":5,"stream":false}""", ("sessionId", ExampleSessionId));

        messages.MapGet("/{messageId}/events", async (string sessionId, string messageId, long? after, HttpContext http, IGrainFactory grains, IChatEventStore events) =>
        {
            var from = after ?? LastEventId(http) ?? 0;
            var session = await Session(grains, sessionId).GetAsync(TenantOf(http));
            if (!TenantCaller.From(http).CanReach(session.KnowledgeBaseId))
                throw ChatSessionNotFoundException.ForSession(sessionId);
            if (!session.Messages.Any(m => m.Id == messageId))
                throw ChatSessionNotFoundException.ForMessage(sessionId, messageId);
            return new ChatEventsResult(events, IChatEventStore.StreamOf(sessionId, messageId), from);
        }).WithSummary("A message's events after an event id (query after, or the Last-Event-ID header), then each new one until done or error")
          .Produces(StatusCodes.Status200OK, contentType: ChatEventsResult.ContentType)
          .WithRequestExample(null, ("sessionId", ExampleSessionId), ("messageId", ExampleMessageId));

        messages.MapPost("/{messageId}/stop", async (string sessionId, string messageId, HttpContext http, IGrainFactory grains) =>
            new StopAnswer(messageId, await (await ReachAsync(grains, http, sessionId)).StopAsync(TenantOf(http), messageId)))
          .WithSummary("Stop writing an answer: its stream ends with done (status stopped)")
          .WithRequestExample(null, ("sessionId", ExampleSessionId), ("messageId", ExampleMessageId));

        api.MapGet("/llm/backends", async (IGrainFactory grains) => await grains.GetGrain<ILlmRouterGrain>(0).GetBackendsAsync())
            .RequireAdminKey().WithTags("chat")
            .WithSummary("The model backends of the answering silo: load, health, circuit state and counters (admin key)");
    }

    /// <summary>
    /// The session, when the caller's key may reach its knowledge base: a key limited to some knowledge bases costs
    /// one more grain call to learn the session's.
    /// </summary>
    private static async Task<IChatSessionGrain> ReachAsync(IGrainFactory grains, HttpContext http, string sessionId)
    {
        var session = Session(grains, sessionId);
        var caller = TenantCaller.From(http);
        if (caller.KnowledgeBaseIds is not null && !caller.CanReach((await session.GetAsync(TenantOf(http))).KnowledgeBaseId))
            throw ChatSessionNotFoundException.ForSession(sessionId);
        return session;
    }

    private static async Task<ChatSessionView> SessionAsync(IGrainFactory grains, HttpContext http, string kbId, string sessionId)
    {
        var session = await Session(grains, sessionId).GetAsync(TenantOf(http));
        return session.KnowledgeBaseId == kbId ? session : throw ChatSessionNotFoundException.ForSession(sessionId);
    }

    private static string TenantOf(HttpContext http) => KnowledgeBaseEndpoints.TenantOf(http);

    /// <summary>Session ids are 32 hex digits issued by the gateway; anything else names no session.</summary>
    private static IChatSessionGrain Session(IGrainFactory grains, string sessionId) =>
        Guid.TryParseExact(sessionId, "N", out _)
            ? grains.GetGrain<IChatSessionGrain>(sessionId)
            : throw ChatSessionNotFoundException.ForSession(sessionId);

    private static long? LastEventId(HttpContext http)
    {
        if (http.Request.Headers["Last-Event-ID"].FirstOrDefault() is not { } header)
            return null;
        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ChatValidationException("Last-Event-ID", $"must be the id of an event received (a non-negative integer); it was '{header}'.");
    }
}
