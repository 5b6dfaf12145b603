using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Combines the modifier packs that subsystems publish for a named context (e.g. "combat"). Expects outputs that
/// passed <see cref="SubsystemOutputValidator"/>, as stored by their owner.
/// </summary>
public static class ContextModifiers
{
    /// <summary>
    /// One pack for <paramref name="contextName"/>: additive percents add, multipliers multiply (kept as one list,
    /// in output order), post_adds add. Outputs without that context contribute nothing.
    /// </summary>
    public static ModifierPack Combine(IReadOnlyList<SubsystemOutput> outputs, string contextName)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(contextName);
        var additive = 0.0;
        var postAdd = 0.0;
        var multipliers = new List<double>();
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Context.TryGetValue(contextName, out var pack))
            {
                additive += pack.AdditivePercent;
                multipliers.AddRange(pack.Multipliers);
                postAdd += pack.PostAdd;
            }
        }

        return new ModifierPack { AdditivePercent = additive, Multipliers = multipliers, PostAdd = postAdd };
    }

    /// <summary>base × (1 + Σ additive_percent) × Π multipliers + Σ post_add over the packs for <paramref name="contextName"/>.</summary>
    public static double Apply(IReadOnlyList<SubsystemOutput> outputs, string contextName, double baseValue) =>
        Combine(outputs, contextName).Apply(baseValue);
}
