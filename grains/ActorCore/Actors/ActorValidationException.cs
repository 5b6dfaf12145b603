using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>An actor request was rejected: a bad id, profile, subsystem name or context input.</summary>
[GenerateSerializer]
[Alias("ActorCore.ActorValidationException")]
public sealed class ActorValidationException(string field, string reason)
    : ActorCoreValidationException(field, reason);
