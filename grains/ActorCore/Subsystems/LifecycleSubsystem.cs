using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// The built-in "lifecycle" subsystem: what an actor's lifespan and age mean for its stats.
/// <list type="bullet">
/// <item>primary <c>lifespan_years</c> FLAT = the actor's lifespan. The example registry combines that dimension with
/// MAX, so the longest lifespan any subsystem grants wins.</item>
/// <item>A life stage from the age fraction f = age / lifespan, published as meta.stage, with MULT deltas on primary stats:
/// youth (f &lt; 0.2): strength −20%, move_speed +10%; prime (0.2 ≤ f &lt; 0.6): strength +10%;
/// elder (0.6 ≤ f &lt; 1): strength −20%, move_speed −10%, intelligence +10%, spirit +20%;
/// beyond_lifespan (f ≥ 1): strength −50%, move_speed −30%, spirit +30%.
/// A lifespan of 0 means "not tracked": no stage and no modifiers.</item>
/// </list>
/// MULT deltas scale what other subsystems add (ΣFLAT × Π(1 + MULT)); the race does not change these rules.
/// </summary>
public sealed class LifecycleSubsystem : IServerSubsystem
{
    public const string Name = "lifecycle";

    private static readonly Stage Youth = new("youth", 0.2, [("strength", -0.2), ("move_speed", 0.1)]);
    private static readonly Stage Prime = new("prime", 0.6, [("strength", 0.1)]);
    private static readonly Stage Elder = new("elder", 1.0, [("strength", -0.2), ("move_speed", -0.1), ("intelligence", 0.1), ("spirit", 0.2)]);
    private static readonly Stage BeyondLifespan = new("beyond_lifespan", double.PositiveInfinity, [("strength", -0.5), ("move_speed", -0.3), ("spirit", 0.3)]);
    private static readonly Stage[] Stages = [Youth, Prime, Elder, BeyondLifespan];

    public string System => Name;

    public SubsystemOutput Contribute(ActorRecord actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stage = StageOf(actor);
        var primary = new List<Contribution>(1 + (stage?.Multipliers.Length ?? 0))
        {
            new() { Dimension = "lifespan_years", Bucket = Bucket.Flat, Value = actor.Lifespan, System = Name },
        };
        if (stage is not null)
        {
            foreach (var (dimension, delta) in stage.Multipliers)
            {
                primary.Add(new Contribution { Dimension = dimension, Bucket = Bucket.Mult, Value = delta, System = Name });
            }
        }

        return new SubsystemOutput
        {
            Primary = primary,
            Derived = [],
            Caps = [],
            Meta = new SubsystemMeta { System = Name, Stage = stage?.Name, Version = actor.Version },
        };
    }

    private static Stage? StageOf(ActorRecord actor)
    {
        if (actor.Lifespan <= 0)
        {
            return null;
        }

        var fraction = actor.Age / actor.Lifespan;
        foreach (var stage in Stages)
        {
            if (fraction < stage.UpTo)
            {
                return stage;
            }
        }

        return BeyondLifespan;
    }

    /// <summary>A life stage: it holds while the age fraction is below <see cref="UpTo"/>.</summary>
    private sealed record Stage(string Name, double UpTo, (string Dimension, double Delta)[] Multipliers);
}
