using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;

namespace Cluster.Gateway.Endpoints.Actors;

/// <summary>Body of PUT /actors/{id}: {name, race, lifespan, age}, lifespan and age in years.</summary>
public sealed record ActorPutRequest
{
    public string? Name { get; init; }

    public string? Race { get; init; }

    public double? Lifespan { get; init; }

    public double? Age { get; init; }

    /// <exception cref="ActorValidationException">A field is missing or breaks a rule of <see cref="ActorInput"/>.</exception>
    public ActorProfile ToProfile()
    {
        var profile = new ActorProfile
        {
            Name = Name ?? throw Missing("name"),
            Race = Race ?? throw Missing("race"),
            Lifespan = Lifespan ?? throw Missing("lifespan"),
            Age = Age ?? throw Missing("age"),
        };
        ActorInput.ValidateProfile(profile);
        return profile;
    }

    private static ActorValidationException Missing(string field) => new(field, "is required");
}
