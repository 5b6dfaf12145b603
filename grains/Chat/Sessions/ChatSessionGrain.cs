using System.Diagnostics;
using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Chat;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Chat.Answering;
using Cluster.Grains.Chat.Streams;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>
/// A chat session. Asking stores the question, starts the answer on the session's own scheduler and returns: the
/// answer goes on whether or not anyone is listening, and is stored with its references when it ends. One answer at
/// a time per session.
/// </summary>
[GrainType("chat-session")]
public sealed class ChatSessionGrain(
    [PersistentState("chat", GrainStorageNames.ChatSessions)] IPersistentState<ChatSessionState> state,
    AnswerPipeline pipeline,
    ChatOptions options,
    IChatEventStore events,
    TimeProvider clock,
    ILogger<ChatSessionGrain> logger)
    : Grain, IChatSessionGrain
{
    private string? _answering;
    private CancellationTokenSource? _stop;
    private Task? _answer;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An answer that was being written when its silo stopped will never end on its own: end it, and its stream.
        var interruptions = 0;
        for (var i = 0; i < state.State.Messages.Count; i++)
        {
            var message = state.State.Messages[i];
            if (message.Status != ChatMessageStatus.Answering)
                continue;
            const string interrupted = "The answer was interrupted because the silo writing it stopped; ask again.";
            var stream = IChatEventStore.StreamOf(Id, message.Id);
            var written = await events.ReadAfterAsync(stream, 0, int.MaxValue, cancellationToken);
            if (written.Count == 0 || !written[^1].IsFinal)
                await new ChatEventWriter(events, stream, written.Count).AppendAsync(ChatEvent.Error, new ErrorPayload(message.Id, interrupted));
            state.State.Messages[i] = message with { Status = ChatMessageStatus.Failed, Error = interrupted };
            interruptions++;
        }

        if (interruptions > 0)
            await state.WriteStateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_answer is { } answer)
            await answer.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    public async Task<ChatSessionView> CreateAsync(string tenantId, string knowledgeBaseId)
    {
        if (state.State.Exists)
        {
            if (state.State.TenantId != tenantId || state.State.KnowledgeBaseId != knowledgeBaseId)
                throw new ConflictException($"Chat session '{Id}' already exists.");
            return View();
        }

        state.State = new ChatSessionState { TenantId = tenantId, KnowledgeBaseId = knowledgeBaseId, CreatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        return View();
    }

    public Task<ChatSessionView> GetAsync(string tenantId)
    {
        Check(tenantId);
        return Task.FromResult(View());
    }

    public async Task DeleteAsync(string tenantId)
    {
        Check(tenantId);
        if (_stop is { } stop)
            await stop.CancelAsync();
        if (_answer is { } answer)
            await answer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await state.ClearStateAsync();
        state.State = new ChatSessionState();
        DeactivateOnIdle();
    }

    public async Task<ChatMessageStarted> AskAsync(string tenantId, ChatQuestion question)
    {
        Check(tenantId);
        question.Validate();
        if (_answering is { } busy)
            throw new ConflictException($"Chat session '{Id}' is still answering message '{busy}'; wait for its done event or stop it.");

        var started = Stopwatch.GetTimestamp();
        var messageId = Guid.NewGuid().ToString("N");
        var history = History();
        state.State.Messages.Add(new ChatMessage(messageId, question.Question, "", [], ChatMessageStatus.Answering, null, null, clock.GetUtcNow(), null, null));
        await state.WriteStateAsync();

        var knowledgeBaseId = state.State.KnowledgeBaseId!;
        var source = new KnowledgeBasePassages(GrainFactory.GetGrain<IKnowledgeBaseGrain>(knowledgeBaseId), knowledgeBaseId);
        var job = new AnswerJob(Id, messageId, question.Question, question.EffectiveTopK, history, source, started);
        _answering = messageId;
        _stop = new CancellationTokenSource();
        // Not awaited: the answer runs as turns of this activation while the caller goes on to read its events.
        _answer = AnswerAsync(job, _stop);
        return new ChatMessageStarted(Id, messageId);
    }

    public async Task<bool> StopAsync(string tenantId, string messageId)
    {
        Check(tenantId);
        if (_answering == messageId && _stop is { } stop)
        {
            await stop.CancelAsync();
            return true;
        }

        return state.State.Messages.Exists(m => m.Id == messageId)
            ? false
            : throw ChatSessionNotFoundException.ForMessage(Id, messageId);
    }

    private async Task AnswerAsync(AnswerJob job, CancellationTokenSource stop)
    {
        var writer = new ChatEventWriter(events, IChatEventStore.StreamOf(Id, job.MessageId));
        AnswerOutcome outcome;
        try
        {
            outcome = await pipeline.RunAsync(job, writer, stop.Token);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The events of message {MessageId} of session {SessionId} could not be stored", job.MessageId, Id);
            outcome = new AnswerOutcome(job.MessageId, "", [], ChatMessageStatus.Failed, null, null, 0, null, "The answer's events could not be stored: " + e.Message);
        }

        try
        {
            outcome = await StoreAsync(outcome);
            await outcome.EndStreamAsync(writer);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The end of message {MessageId} of session {SessionId} could not be stored", job.MessageId, Id);
        }
        finally
        {
            _answering = null;
            _stop = null;
            _answer = null;
            stop.Dispose();
        }
    }

    /// <summary>
    /// Stores the ended message, dropping the oldest beyond the kept rounds; when storing fails the outcome becomes a
    /// failure, so the stream never reports done for an answer the session does not hold.
    /// </summary>
    private async Task<AnswerOutcome> StoreAsync(AnswerOutcome outcome)
    {
        var index = state.State.Messages.FindIndex(m => m.Id == outcome.MessageId);
        if (index < 0)
            return outcome;
        var previous = state.State.Messages[index];
        state.State.Messages[index] = previous with
        {
            Answer = outcome.Answer,
            References = outcome.References,
            Status = outcome.Status,
            Answerer = outcome.Answerer,
            Usage = outcome.Usage,
            LatencyMs = outcome.LatencyMs,
            Error = outcome.Error,
        };
        var over = state.State.Messages.Count - Math.Max(1, options.HistoryRounds);
        if (over > 0)
            state.State.Messages.RemoveRange(0, over);
        try
        {
            await state.WriteStateAsync();
            return outcome;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Message {MessageId} of session {SessionId} could not be stored", outcome.MessageId, Id);
            return outcome with { Status = ChatMessageStatus.Failed, Error = "The answer could not be stored: " + e.Message };
        }
    }

    /// <summary>The kept rounds that were answered in full, oldest first.</summary>
    private List<ChatRound> History()
    {
        var rounds = new List<ChatRound>();
        foreach (var message in state.State.Messages)
        {
            if (message.Status == ChatMessageStatus.Done)
                rounds.Add(new ChatRound(message.Question, message.Answer));
        }

        return rounds.Count > options.HistoryRounds ? rounds.GetRange(rounds.Count - options.HistoryRounds, options.HistoryRounds) : rounds;
    }

    private void Check(string tenantId)
    {
        if (!state.State.Exists || state.State.TenantId != tenantId)
            throw ChatSessionNotFoundException.ForSession(Id);
    }

    private ChatSessionView View() => new(Id, state.State.KnowledgeBaseId!, state.State.CreatedAt, state.State.Messages.ToArray());
}
