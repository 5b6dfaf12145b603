using System.Runtime.CompilerServices;
using System.Text.Json;
using Cluster.GrainInterfaces.Chat;
using Cluster.Grains.Chat.Answering;
using Cluster.Grains.Chat.Retrieval;
using Cluster.Grains.Chat.Streams;
using Xunit;

namespace Cluster.Tests.Chat;

public sealed class AnswerPipelineTests
{
    [Fact]
    public async Task An_answer_streams_references_first_then_deltas_then_done_with_consecutive_ids()
    {
        var engine = new ChatEngine();
        var outcome = await engine.AnswerAsync(ChatEngine.Job(new HandbookPassages(), "How many days of paid leave do new employees receive?"), CancellationToken.None);

        var events = await engine.Events.ReadAfterAsync(IChatEventStore.StreamOf("s1", "m1"), 0, 1000);
        Assert.Equal(ChatEvent.References, events[0].Type);
        Assert.Equal(ChatEvent.Done, events[^1].Type);
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Equal(ChatEvent.Delta, e.Type));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        var streamed = string.Concat(events.Where(e => e.Type == ChatEvent.Delta).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        Assert.Equal(outcome.Answer, streamed);
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("extractive", done.GetProperty("answerer").GetString());
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal("m1", done.GetProperty("messageId").GetString());
        Assert.True(done.GetProperty("usage").GetProperty("completionTokens").GetInt64() > 0);
    }

    [Fact]
    public async Task The_extractive_answer_quotes_the_best_sentence_and_cites_only_passages_that_were_sent()
    {
        var engine = new ChatEngine();
        var outcome = await engine.AnswerAsync(ChatEngine.Job(new HandbookPassages(), "How many days of paid leave do new employees receive?"), CancellationToken.None);

        Assert.Contains("New employees receive 20 days of paid leave in their first year.", outcome.Answer, StringComparison.Ordinal);
        var cited = System.Text.RegularExpressions.Regex.Matches(outcome.Answer, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(cited);
        Assert.Subset(outcome.References.Select(r => r.Number).ToHashSet(), cited);
        Assert.Equal(ChatMessageStatus.Done, outcome.Status);
    }

    [Fact]
    public async Task Neighbouring_chunks_are_merged_into_one_passage_and_passages_are_numbered_in_rank_order()
    {
        var engine = new ChatEngine();
        var references = await engine.Retriever.RetrieveAsync(new HandbookPassages(), "paid leave days employees", 3, CancellationToken.None);

        // The leave document's three chunks are hits or neighbours of hits: one passage holds them all, in order.
        var leave = Assert.Single(references, r => r.DocumentId == "leave");
        Assert.Equal(["leave#0", "leave#1", "leave#2"], leave.ChunkIds);
        Assert.Equal(Enumerable.Range(1, references.Count), references.Select(r => r.Number));
    }

    [Fact]
    public async Task A_question_the_knowledge_base_cannot_answer_says_so_without_citations()
    {
        var engine = new ChatEngine();
        var outcome = await engine.AnswerAsync(ChatEngine.Job(new HandbookPassages(), "quantum chromodynamics"), CancellationToken.None);

        Assert.Empty(outcome.References);
        Assert.Equal(ExtractiveAnswerer.NothingFound, outcome.Answer);
    }

    [Fact]
    public async Task Stopping_ends_the_stream_with_done_status_stopped_and_keeps_the_text_written_so_far()
    {
        var answerer = new EndlessAnswerer();
        var engine = new ChatEngine(answerer);
        using var stop = new CancellationTokenSource();
        var running = engine.AnswerAsync(ChatEngine.Job(new HandbookPassages(), "leave"), stop.Token);
        await answerer.Written.Task;

        await stop.CancelAsync();
        var outcome = await running;

        var events = await engine.Events.ReadAfterAsync(IChatEventStore.StreamOf("s1", "m1"), 0, 10_000);
        Assert.Equal(ChatMessageStatus.Stopped, outcome.Status);
        Assert.Equal("stopped", JsonDocument.Parse(events[^1].Data).RootElement.GetProperty("status").GetString());
        Assert.Single(events, e => e.IsFinal);
        Assert.StartsWith("word word ", outcome.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_answerer_ends_the_stream_with_an_error_event()
    {
        var engine = new ChatEngine(new FailingAnswerer());
        var outcome = await engine.AnswerAsync(ChatEngine.Job(new HandbookPassages(), "leave"), CancellationToken.None);

        var events = await engine.Events.ReadAfterAsync(IChatEventStore.StreamOf("s1", "m1"), 0, 100);
        Assert.Equal([ChatEvent.References, ChatEvent.Error], events.Select(e => e.Type));
        Assert.Equal(ChatMessageStatus.Failed, outcome.Status);
        Assert.Contains("no backend", JsonDocument.Parse(events[^1].Data).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_resumes_after_any_event_gets_every_later_event_once_in_order()
    {
        var engine = new ChatEngine();
        var stream = IChatEventStore.StreamOf("s1", "m1");
        await engine.AnswerAsync(ChatEngine.Job(new HandbookPassages(), "How many days of paid leave do new employees receive?"), CancellationToken.None);
        var all = await engine.Events.ReadAfterAsync(stream, 0, 10_000);

        for (var after = 0; after <= all.Count; after++)
            Assert.Equal(all.Skip(after), await engine.Events.ReadAfterAsync(stream, after, 10_000));
    }

    /// <summary>Writes "word " until stopped.</summary>
    private sealed class EndlessAnswerer : IAnswerer
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> RewriteQueryAsync(string question, IReadOnlyList<ChatRound> history, CancellationToken cancellation) => Task.FromResult(question);

        public async IAsyncEnumerable<string> AnswerAsync(AnswerPrompt prompt, AnswerReport report, [EnumeratorCancellation] CancellationToken cancellation)
        {
            report.Answerer = "endless";
            for (var i = 0; ; i++)
            {
                if (i == 2)
                    Written.TrySetResult();
                await Task.Delay(5, cancellation);
                yield return "word ";
            }
        }
    }

    private sealed class FailingAnswerer : IAnswerer
    {
        public Task<string> RewriteQueryAsync(string question, IReadOnlyList<ChatRound> history, CancellationToken cancellation) => Task.FromResult(question);

        public async IAsyncEnumerable<string> AnswerAsync(AnswerPrompt prompt, AnswerReport report, [EnumeratorCancellation] CancellationToken cancellation)
        {
            await Task.Yield();
            throw new Grains.Chat.Routing.LlmUnavailableException("no backend could answer");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
            yield break;
#pragma warning restore CS0162
        }
    }
}
