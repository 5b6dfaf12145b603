namespace Cluster.Grains.Chat.Routing;

/// <summary>The "Llm" configuration is invalid; the message names the setting to fix. Thrown at start-up.</summary>
public sealed class LlmConfigurationException(string message) : Exception(message);
