using MathNet.Numerics;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Expected improvement below the incumbent <c>best</c> of a Gaussian posterior N(μ, s²) for a minimised objective:
/// EI = s·h(z) with z = (best − μ)/s and h(z) = φ(z) + z·Φ(z), i.e. (best − μ)·Φ(z) + s·φ(z).
/// Its logarithm is computed without underflow far below the incumbent (via erfcx and an asymptotic series), so the
/// acquisition search still sees a slope where EI itself would round to zero.
/// </summary>
public static class ExpectedImprovement
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double SqrtHalfPi = Math.Sqrt(Math.PI / 2);

    /// <summary>Below this z, erfc underflows; an asymptotic series takes over.</summary>
    private const double AsymptoticBelow = -30;

    public static double Value(double mean, double standardDeviation, double best)
    {
        if (!(standardDeviation > 0))
            return Math.Max(best - mean, 0);
        var z = (best - mean) / standardDeviation;
        return (best - mean) * NormalCdf(z) + standardDeviation * NormalPdf(z);
    }

    public static double LogValue(double mean, double standardDeviation, double best)
    {
        if (!(standardDeviation > 0))
            return Math.Log(Math.Max(best - mean, 0));
        return Math.Log(standardDeviation) + LogH((best - mean) / standardDeviation);
    }

    /// <summary>log h(z), accurate for all z.</summary>
    public static double LogH(double z)
    {
        if (z > -1)
            return Math.Log(NormalPdf(z) + z * NormalCdf(z));
        if (z > AsymptoticBelow)
            return LogNormalPdf(z) + Math.Log(1 - -z * SqrtHalfPi * ScaledErfc(-z / Math.Sqrt(2)));
        var inverseSquare = 1 / (z * z);
        return LogNormalPdf(z) + Math.Log(inverseSquare) + Math.Log(1 - 3 * inverseSquare + 15 * inverseSquare * inverseSquare);
    }

    /// <summary>d log h / dz = Φ(z)/h(z) (since h′ = Φ), accurate for all z.</summary>
    public static double LogHSlope(double z)
    {
        if (z > -1)
            return NormalCdf(z) / (NormalPdf(z) + z * NormalCdf(z));
        if (z > AsymptoticBelow)
        {
            var ratio = SqrtHalfPi * ScaledErfc(-z / Math.Sqrt(2));
            return ratio / (1 - -z * ratio);
        }
        var inverseSquare = 1 / (z * z);
        return -z * (1 - inverseSquare + 3 * inverseSquare * inverseSquare) / (1 - 3 * inverseSquare + 15 * inverseSquare * inverseSquare);
    }

    public static double NormalPdf(double z) => Math.Exp(LogNormalPdf(z));

    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    private static double LogNormalPdf(double z) => -0.5 * z * z - LogSqrtTwoPi;

    /// <summary>erfcx(t) = exp(t²)·erfc(t) for 0 ≤ t ≤ 22.</summary>
    private static double ScaledErfc(double t) => Math.Exp(t * t) * SpecialFunctions.Erfc(t);
}
