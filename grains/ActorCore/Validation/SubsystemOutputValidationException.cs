using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>A subsystem output broke a rule of SubsystemOutput.schema.json or of the engine.</summary>
[GenerateSerializer]
[Alias("ActorCore.SubsystemOutputValidationException")]
public sealed class SubsystemOutputValidationException(string field, string reason, Exception? innerException = null)
    : ActorCoreValidationException(field, reason, innerException);
