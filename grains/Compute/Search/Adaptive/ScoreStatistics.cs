namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>Sufficient statistics of a set of scores (count, sum, sum of squares): all either conjugate model needs.</summary>
public struct ScoreStatistics
{
    /// <summary>Number of scores.</summary>
    public int Count;

    /// <summary>Sum of the scores.</summary>
    public double Sum;

    /// <summary>Sum of the squared scores.</summary>
    public double SumOfSquares;

    /// <summary>Mean score, or 0 when empty.</summary>
    public readonly double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>Adds one score.</summary>
    public void Add(double score)
    {
        Count++;
        Sum += score;
        SumOfSquares += score * score;
    }
}
