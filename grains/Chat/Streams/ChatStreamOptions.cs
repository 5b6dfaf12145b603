namespace Cluster.Grains.Chat.Streams;

/// <summary>How long answers' event streams are kept: section "Chat".</summary>
public sealed class ChatStreamOptions
{
    /// <summary>A stream is kept this long after its last event, for clients that resume (default 1 hour).</summary>
    public TimeSpan EventTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Readers in other processes look again at least this often when no notification arrives (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
