using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>A combiner or cap-layer registry document was rejected.</summary>
[GenerateSerializer]
[Alias("ActorCore.RegistryValidationException")]
public sealed class RegistryValidationException(string field, string reason, Exception? innerException = null)
    : ActorCoreValidationException(field, reason, innerException)
{
    /// <summary>The same error for a document nested at <paramref name="parent"/> of a larger body (e.g. <c>registry</c>).</summary>
    public RegistryValidationException Within(string parent) => new(FieldPath.Under(parent, Field), Reason, this);
}
