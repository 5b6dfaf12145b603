namespace Cluster.Grains.Chat;

/// <summary>The "Chat" or "Cache" configuration is invalid; the message names the setting to fix. Thrown at start-up.</summary>
public sealed class ChatConfigurationException(string message) : Exception(message);
