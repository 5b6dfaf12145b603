namespace Cluster.Grains.Compute.Analytics;

public static class Percentiles
{
    /// <summary>
    /// The p-quantile by linear interpolation between order statistics at position (n − 1)·p — the definition of
    /// PostgreSQL's <c>percentile_cont</c>. Sorts <paramref name="values"/> in place; 0 for no values.
    /// </summary>
    public static double Continuous(double[] values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
            return 0;
        Array.Sort(values);
        var position = (values.Length - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Length - 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }
}
