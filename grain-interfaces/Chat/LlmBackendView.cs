using Orleans;

namespace Cluster.GrainInterfaces.Chat;

/// <summary>A backend's configuration, load, health, circuit and counters since the silo started.</summary>
/// <param name="Breaker">Closed, HalfOpen or Open.</param>
[GenerateSerializer]
[Alias("Chat.LlmBackendView")]
[Immutable]
public sealed record LlmBackendView(
    string Name,
    string Kind,
    string Endpoint,
    string Model,
    double Weight,
    int MaxConcurrency,
    int Outstanding,
    bool Healthy,
    DateTimeOffset? LastHealthCheck,
    string Breaker,
    long Requests,
    long Errors,
    long Tokens);
