namespace Cluster.Gateway.Endpoints.Chat;

/// <summary>The answer to a stop request: whether it ended a generation (false: the answer had already ended).</summary>
public sealed record StopAnswer(string MessageId, bool Stopped);
