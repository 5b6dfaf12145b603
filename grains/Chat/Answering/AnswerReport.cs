using Cluster.GrainInterfaces.Chat;

namespace Cluster.Grains.Chat.Answering;

/// <summary>Filled in by an answerer while it writes: who wrote the answer and what it cost.</summary>
public sealed class AnswerReport
{
    /// <summary>"extractive", or "llm:&lt;backend&gt;" once a backend has started answering.</summary>
    public string? Answerer { get; set; }

    /// <summary>Null when the writer could not say; the session then counts words.</summary>
    public ChatUsage? Usage { get; set; }
}
