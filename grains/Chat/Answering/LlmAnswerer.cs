using System.Runtime.CompilerServices;
using Cluster.GrainInterfaces.Chat;
using Cluster.Grains.Chat.Routing;

namespace Cluster.Grains.Chat.Answering;

/// <summary>Answers with a model behind the router; follow-up questions are rewritten by the model before retrieval.</summary>
public sealed class LlmAnswerer(LlmRouter router) : IAnswerer
{
    public async Task<string> RewriteQueryAsync(string question, IReadOnlyList<ChatRound> history, CancellationToken cancellation)
    {
        if (history.Count == 0)
            return question;
        var rewritten = (await router.CompleteAsync(PromptMessages.ForRewrite(question, history), cancellation).ConfigureAwait(false)).Trim();
        return rewritten.Length is > 0 and <= ChatQuestion.MaxQuestionLength ? rewritten : question;
    }

    public async IAsyncEnumerable<string> AnswerAsync(AnswerPrompt prompt, AnswerReport report, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var stream = await router.OpenAsync(PromptMessages.ForAnswer(prompt), cancellation).ConfigureAwait(false);
        report.Answerer = "llm:" + stream.Backend.Name;
        await foreach (var text in stream.ReadTextAsync().WithCancellation(cancellation).ConfigureAwait(false))
            yield return text;
        if (stream.Usage is var (prompted, completed))
            report.Usage = new ChatUsage(prompted, completed, "backend");
    }
}
