using System.Diagnostics;
using System.Text;
using Cluster.GrainInterfaces.Chat;
using Cluster.Grains.Chat.Answering;
using Cluster.Grains.Chat.Retrieval;
using Cluster.Grains.Chat.Streams;
using Microsoft.Extensions.Logging;

namespace Cluster.Grains.Chat.Sessions;

/// <summary>
/// Answers one question: optional query rewrite from the history (the model answerer only) → retrieval → the
/// references event → the answer's deltas. The outcome says how it ended (answered, stopped or failed) and carries the
/// stream's final event for the caller to append once it has stored the message. Every event is in the message's
/// stream before the next is written.
/// </summary>
public sealed class AnswerPipeline(PassageRetriever retriever, IAnswerer answerer, ILogger<AnswerPipeline> logger)
{
    public async Task<AnswerOutcome> RunAsync(AnswerJob job, ChatEventWriter writer, CancellationToken stop)
    {
        var answer = new StringBuilder();
        var report = new AnswerReport();
        IReadOnlyList<ChatReference> references = [];
        double? firstDelta = null;
        try
        {
            var query = await answerer.RewriteQueryAsync(job.Question, job.History, stop).ConfigureAwait(false);
            references = await retriever.RetrieveAsync(job.Source, query, job.TopK, stop).ConfigureAwait(false);
            await writer.AppendAsync(ChatEvent.References, new ReferencesPayload(job.MessageId, references)).ConfigureAwait(false);
            var prompt = new AnswerPrompt(job.Question, job.History, references);
            await foreach (var text in answerer.AnswerAsync(prompt, report, stop).ConfigureAwait(false))
            {
                firstDelta ??= Elapsed(job);
                answer.Append(text);
                await writer.AppendAsync(ChatEvent.Delta, new DeltaPayload(text)).ConfigureAwait(false);
            }

            return End(job, prompt, answer, report, ChatMessageStatus.Done, firstDelta);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var prompt = new AnswerPrompt(job.Question, job.History, references);
            return End(job, prompt, answer, report, ChatMessageStatus.Stopped, firstDelta);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Answering message {MessageId} of session {SessionId} failed", job.MessageId, job.SessionId);
            var message = e is Routing.LlmUnavailableException or Routing.LlmBackendTimeoutException or Routing.LlmBackendException or HttpRequestException
                ? e.Message
                : $"The answer failed: {e.Message}";
            return new AnswerOutcome(job.MessageId, answer.ToString(), references, ChatMessageStatus.Failed, report.Answerer, report.Usage, Elapsed(job), firstDelta, message);
        }
    }

    private static AnswerOutcome End(AnswerJob job, AnswerPrompt prompt, StringBuilder answer, AnswerReport report, ChatMessageStatus status, double? firstDelta)
    {
        var text = answer.ToString();
        var usage = report.Usage ?? new ChatUsage(WordCount.Of(prompt), WordCount.Of(text), "words");
        return new AnswerOutcome(job.MessageId, text, prompt.Passages, status, report.Answerer ?? "none", usage, Elapsed(job), firstDelta, null);
    }

    private static double Elapsed(AnswerJob job) => Math.Round(Stopwatch.GetElapsedTime(job.Started).TotalMilliseconds, 3);
}
