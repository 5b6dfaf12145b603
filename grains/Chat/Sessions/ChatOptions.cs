namespace Cluster.Grains.Chat.Sessions;

/// <summary>Sessions and answering: section "Chat".</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>"extractive" (default: quotes the passages, no network) or "llm" (the model backends of "Llm:Backends").</summary>
    public string Answerer { get; set; } = "extractive";

    /// <summary>Rounds (question and answer) a session keeps and gives the model as history (default 10).</summary>
    public int HistoryRounds { get; set; } = 10;

    /// <summary>Redis for answers' event streams; unset: Cluster:Redis in a cluster, this process's memory on the embedded default.</summary>
    public string? Redis { get; set; }

    public bool UsesModel => string.Equals(Answerer, "llm", StringComparison.OrdinalIgnoreCase);

    internal void Validate(int backends)
    {
        if (!UsesModel && !string.Equals(Answerer, "extractive", StringComparison.OrdinalIgnoreCase))
            throw new ChatConfigurationException($"Chat:Answerer '{Answerer}' is not supported; use extractive or llm.");
        if (UsesModel && backends == 0)
            throw new ChatConfigurationException("Chat:Answerer is llm but Llm:Backends lists no backend; add one or use extractive.");
        if (HistoryRounds is < 0 or > 100)
            throw new ChatConfigurationException($"Chat:HistoryRounds must be between 0 and 100; it was {HistoryRounds}.");
    }
}
