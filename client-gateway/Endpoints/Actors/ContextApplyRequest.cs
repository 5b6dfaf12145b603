using Cluster.Grains.ActorCore;

namespace Cluster.Gateway.Endpoints.Actors;

/// <summary>Body of POST /actors/{id}/contexts/{context}/apply: {baseValue}.</summary>
public sealed record ContextApplyRequest
{
    public double? BaseValue { get; init; }

    /// <exception cref="ActorValidationException">baseValue is missing.</exception>
    public double Validate()
    {
        var value = BaseValue ?? throw new ActorValidationException("baseValue", "is required");
        ActorInput.ValidateFinite(value, "baseValue");
        return value;
    }
}
