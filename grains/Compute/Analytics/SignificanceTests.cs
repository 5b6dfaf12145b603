using Cluster.GrainInterfaces.Compute.Analytics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>
/// Two-sided significance tests, effect sizes and 95% confidence intervals over <see cref="Moments"/> and counts.
/// Each returns null where the data cannot support it (too few observations, or no variation at all), never NaN.
/// </summary>
public static class SignificanceTests
{
    public const string WelchT = "welch-t";
    public const string TwoProportionZ = "two-proportion-z";
    public const string ChiSquareIndependence = "chi-square-independence";

    /// <summary>z for a two-sided 95% interval.</summary>
    private static readonly double Z975 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>
    /// Welch's t-test of equal means without assuming equal variances: t = (m₁ − m₂)/√(s₁²/n₁ + s₂²/n₂) with
    /// Welch–Satterthwaite degrees of freedom; needs two observations per side.
    /// </summary>
    public static TestResult? Welch(Moments first, Moments second)
    {
        if (first.Count < 2 || second.Count < 2)
            return null;
        var (difference, se2, df) = WelchParts(first, second);
        if (!(se2 > 0))
            return difference == 0 ? new TestResult(WelchT, 0, first.Count + second.Count - 2, 1) : null;
        var t = difference / Math.Sqrt(se2);
        return new TestResult(WelchT, t, df, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
    }

    /// <summary>95% interval for m₁ − m₂ with Welch's standard error and degrees of freedom.</summary>
    public static (double Low, double High)? WelchInterval(Moments first, Moments second)
    {
        if (first.Count < 2 || second.Count < 2)
            return null;
        var (difference, se2, df) = WelchParts(first, second);
        if (!(se2 > 0))
            return (difference, difference);
        var half = StudentT.InvCDF(0, 1, df, 0.975) * Math.Sqrt(se2);
        return (difference - half, difference + half);
    }

    /// <summary>Cohen's d: the mean difference over the pooled standard deviation.</summary>
    public static double? CohensD(Moments first, Moments second)
    {
        if (first.Count < 2 || second.Count < 2)
            return null;
        var pooled = ((first.Count - 1) * first.Variance!.Value + (second.Count - 1) * second.Variance!.Value) / (first.Count + second.Count - 2);
        var difference = first.Mean!.Value - second.Mean!.Value;
        if (!(pooled > 0))
            return difference == 0 ? 0 : null;
        return difference / Math.Sqrt(pooled);
    }

    /// <summary>
    /// The pooled two-proportion z-test: z = (p₁ − p₂)/√(p̂(1 − p̂)(1/n₁ + 1/n₂)) with p̂ the pooled rate.
    /// </summary>
    public static TestResult? TwoProportion(long successes1, long count1, long successes2, long count2)
    {
        if (count1 == 0 || count2 == 0)
            return null;
        var p1 = (double)successes1 / count1;
        var p2 = (double)successes2 / count2;
        var pooled = (double)(successes1 + successes2) / (count1 + count2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / count1 + 1.0 / count2));
        if (!(se > 0))
            return new TestResult(TwoProportionZ, 0, null, 1);
        var z = (p1 - p2) / se;
        return new TestResult(TwoProportionZ, z, null, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }

    /// <summary>95% Wald interval for p₁ − p₂ (unpooled standard error).</summary>
    public static (double Low, double High)? ProportionDifferenceInterval(long successes1, long count1, long successes2, long count2)
    {
        if (count1 == 0 || count2 == 0)
            return null;
        var p1 = (double)successes1 / count1;
        var p2 = (double)successes2 / count2;
        var half = Z975 * Math.Sqrt(p1 * (1 - p1) / count1 + p2 * (1 - p2) / count2);
        return (p1 - p2 - half, p1 - p2 + half);
    }

    /// <summary>
    /// Pearson's chi-square test of independence on the k×2 table (success, failure) × group, with k − 1 degrees of
    /// freedom. Null unless there are two groups with executions and both successes and failures overall.
    /// </summary>
    public static TestResult? ChiSquare(IReadOnlyList<long> successes, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(successes);
        ArgumentNullException.ThrowIfNull(counts);
        long total = 0, totalSuccesses = 0;
        for (var g = 0; g < counts.Count; g++)
        {
            total += counts[g];
            totalSuccesses += successes[g];
        }
        if (counts.Count < 2 || totalSuccesses == 0 || totalSuccesses == total)
            return null;
        var rate = (double)totalSuccesses / total;
        var chi2 = 0.0;
        for (var g = 0; g < counts.Count; g++)
        {
            if (counts[g] == 0)
                return null;
            var expectedSuccesses = counts[g] * rate;
            var expectedFailures = counts[g] * (1 - rate);
            var failures = counts[g] - successes[g];
            chi2 += (successes[g] - expectedSuccesses) * (successes[g] - expectedSuccesses) / expectedSuccesses
                + (failures - expectedFailures) * (failures - expectedFailures) / expectedFailures;
        }
        var df = counts.Count - 1;
        return new TestResult(ChiSquareIndependence, chi2, df, SpecialFunctions.GammaUpperRegularized(df / 2.0, chi2 / 2));
    }

    /// <summary>Cramér's V of a k×2 table: √(χ²/N), since min(k − 1, 2 − 1) = 1.</summary>
    public static double CramersV(double chiSquare, long total) => total > 0 ? Math.Sqrt(chiSquare / total) : 0;

    private static (double Difference, double StandardErrorSquared, double DegreesOfFreedom) WelchParts(Moments first, Moments second)
    {
        var a = first.Variance!.Value / first.Count;
        var b = second.Variance!.Value / second.Count;
        var se2 = a + b;
        var df = se2 * se2 / (a * a / (first.Count - 1) + b * b / (second.Count - 1));
        return (first.Mean!.Value - second.Mean!.Value, se2, df);
    }
}
