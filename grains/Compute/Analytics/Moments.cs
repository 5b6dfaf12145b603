namespace Cluster.Grains.Compute.Analytics;

/// <summary>Count, sum and sum of squares of one measure, with the mean and the (n − 1) sample variance they give.</summary>
public readonly record struct Moments(long Count, double Sum, double Squares)
{
    public double? Mean => Count > 0 ? Sum / Count : null;

    /// <summary>Null below two observations; clamped at 0 against rounding in Σx² − (Σx)²/n.</summary>
    public double? Variance => Count > 1 ? Math.Max(0, (Squares - Sum * Sum / Count) / (Count - 1)) : null;
}
