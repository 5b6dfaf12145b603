namespace Cluster.Grains.Chat.Streams;

/// <summary>
/// The append-only event streams of answers, one per message, kept for a while after they end so a client can
/// resume. One writer per stream (the session answering); any number of readers anywhere in the cluster.
/// </summary>
public interface IChatEventStore
{
    /// <summary>Appends an event whose id is one more than the stream's last; acknowledged once stored.</summary>
    Task AppendAsync(string stream, ChatEvent chatEvent, CancellationToken cancellation = default);

    /// <summary>Up to <paramref name="max"/> events with ids above <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<ChatEvent>> ReadAfterAsync(string stream, long after, int max, CancellationToken cancellation = default);

    /// <summary>
    /// Completes when an event above <paramref name="after"/> may have been appended, or after <paramref name="timeout"/>;
    /// callers read again either way.
    /// </summary>
    Task WaitAsync(string stream, long after, TimeSpan timeout, CancellationToken cancellation);

    /// <summary>The stream's key for a message.</summary>
    static string StreamOf(string sessionId, string messageId) => $"chat:events:{sessionId}:{messageId}";
}
