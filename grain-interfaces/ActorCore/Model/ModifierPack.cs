using Orleans;

namespace Cluster.GrainInterfaces.ActorCore;

/// <summary>A situational modifier (e.g. for a "combat" context) that subsystems publish next to their stats.</summary>
[GenerateSerializer]
[Alias("ActorCore.ModifierPack")]
[Immutable]
public sealed record ModifierPack
{
    [Id(0)]
    public double AdditivePercent { get; init; }

    [Id(1)]
    public IReadOnlyList<double> Multipliers { get; init; } = [];

    [Id(2)]
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
