namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// A log-normal prior on each length scale of a unit-cube input: log ℓ ~ N(log ⅓, 1). Maximum likelihood alone lets a
/// coordinate that looks flat around the first good region stretch its length scale towards the cube's size, after
/// which the model is certain the function does not change along it and never looks elsewhere along it; the prior
/// keeps such length scales near a third of the side unless the data clearly say otherwise.
/// </summary>
public static class LengthScalePrior
{
    public static readonly double LogMedian = Math.Log(1.0 / 3);
    public const double LogStandardDeviation = 1;

    /// <summary>
    /// −log density (up to a constant) of the log length scales <paramref name="logLengthScales"/>; adds its gradient
    /// to <paramref name="gradient"/>.
    /// </summary>
    public static double NegativeLogDensity(ReadOnlySpan<double> logLengthScales, Span<double> gradient)
    {
        var value = 0.0;
        for (var k = 0; k < logLengthScales.Length; k++)
        {
            var u = (logLengthScales[k] - LogMedian) / LogStandardDeviation;
            value += 0.5 * u * u;
            gradient[k] += u / LogStandardDeviation;
        }
        return value;
    }
}
