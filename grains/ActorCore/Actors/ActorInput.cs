using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>The rules for what clients send about an actor, shared by the gateway and the actor grain.</summary>
public static class ActorInput
{
    public const int MaxNameLength = 200;

    public const int MaxRaceLength = 64;

    /// <summary>An actor id, subsystem name or context name; see <see cref="KeyName"/>.</summary>
    /// <exception cref="ActorValidationException">The value does not match <see cref="KeyName.Pattern"/>.</exception>
    public static void ValidateKey(string? value, string field)
    {
        if (!KeyName.IsValid(value))
        {
            throw new ActorValidationException(field, value is null ? "is required" : $"'{value}' does not match {KeyName.Pattern}");
        }
    }

    /// <exception cref="ActorValidationException">Names the first field (name, race, lifespan, age) that breaks a rule.</exception>
    public static void ValidateProfile(ActorProfile? profile)
    {
        if (profile is null)
        {
            throw new ActorValidationException("$", "an actor profile {name, race, lifespan, age} is required");
        }

        ValidateText(profile.Name, "name", MaxNameLength);
        ValidateText(profile.Race, "race", MaxRaceLength);
        ValidateYears(profile.Lifespan, "lifespan");
        ValidateYears(profile.Age, "age");
    }

    /// <exception cref="ActorValidationException">The value is NaN or infinite.</exception>
    public static void ValidateFinite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ActorValidationException(field, $"{value} is not a finite number");
        }
    }

    private static void ValidateText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ActorValidationException(field, "must be a non-empty string");
        }

        if (value.Length > maxLength)
        {
            throw new ActorValidationException(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
        }

        if (!StorableText.Is(value))
        {
            throw new ActorValidationException(field, StorableText.Problem);
        }
    }

    private static void ValidateYears(double value, string field)
    {
        ValidateFinite(value, field);
        if (value < 0)
        {
            throw new ActorValidationException(field, $"{value} is negative; years must be zero or more");
        }
    }
}
