using Cluster.Runtime;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A situational modifier (e.g. for a "combat" context) that subsystems publish next to their stats.</summary>
[Immutable]
public sealed record ModifierPack
{
    public double AdditivePercent { get; init; }

    public IReadOnlyList<double> Multipliers { get; init; } = [];

    public double PostAdd { get; init; }

    /// <summary>base × (1 + additive_percent) × Π multipliers + post_add.</summary>
    public double Apply(double baseValue)
    {
        var product = 1.0;
        for (var i = 0; i < Multipliers.Count; i++)
        {
            product *= Multipliers[i];
        }

        return (baseValue * (1 + AdditivePercent) * product) + PostAdd;
    }
}
