namespace Cluster.Grains.Chat.Routing;

/// <summary>No backend could start an answer: each was open, full, or failed before its first token (listed).</summary>
public sealed class LlmUnavailableException(string message) : Exception(message);
