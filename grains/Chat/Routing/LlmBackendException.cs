namespace Cluster.Grains.Chat.Routing;

/// <summary>A backend broke the protocol or an answer it had started.</summary>
public sealed class LlmBackendException(string message) : Exception(message);
