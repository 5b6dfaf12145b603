namespace Cluster.Grains.ActorCore;

/// <summary>A dimension's contributions overflowed double range (e.g. ∞ × 0), so it has no defined value.</summary>
public sealed class StatOverflowException(string dimension)
    : ArithmeticException($"dimension '{dimension}': contributions overflow the range of a double, so the stat has no defined value")
{
    public string Dimension { get; } = dimension;
}
