using Cluster.GrainInterfaces.ActorCore;
using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>A dimension's contributions overflowed double range (e.g. ∞ × 0), so it has no defined value.</summary>
[GenerateSerializer]
[Alias("ActorCore.StatOverflowException")]
public sealed class StatOverflowException(string dimension)
    : ArithmeticException($"dimension '{dimension}': contributions overflow the range of a double, so the stat has no defined value")
{
    [Id(0)]
    public string Dimension { get; } = dimension;

    /// <summary>The error as bad input: names the first contribution to the dimension, as <c>outputs[i].primary[j].value</c>.</summary>
    public SubsystemOutputValidationException ToValidationError(IReadOnlyList<SubsystemOutput> outputs)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            if (FindContribution(outputs[i]) is { } field)
            {
                return new SubsystemOutputValidationException($"outputs[{i}].{field}", Reason, this);
            }
        }

        return new SubsystemOutputValidationException("outputs", Reason, this);
    }

    /// <summary>The error as bad input in one output: names its first contribution to the dimension (<c>primary[j].value</c>).</summary>
    public SubsystemOutputValidationException ToValidationError(SubsystemOutput output) =>
        new(FindContribution(output) ?? "$", Reason, this);

    private string Reason => $"the contributions to '{Dimension}' overflow the range of a double, so the stat would have no defined value";

    private string? FindContribution(SubsystemOutput output) =>
        Find(output.Primary, "primary") ?? Find(output.Derived, "derived");

    private string? Find(IReadOnlyList<Contribution> contributions, string section)
    {
        for (var j = 0; j < contributions.Count; j++)
        {
            if (contributions[j].Dimension == Dimension)
            {
                return $"{section}[{j}].value";
            }
        }

        return null;
    }
}
