namespace Cluster.Grains.Chat.Answering;

/// <summary>Writes an answer from numbered passages, as text deltas, citing passage n as [n].</summary>
public interface IAnswerer
{
    /// <summary>Rewrites a follow-up question into one that stands alone, for retrieval; the question itself when it cannot.</summary>
    Task<string> RewriteQueryAsync(string question, IReadOnlyList<ChatRound> history, CancellationToken cancellation);

    IAsyncEnumerable<string> AnswerAsync(AnswerPrompt prompt, AnswerReport report, CancellationToken cancellation);
}
