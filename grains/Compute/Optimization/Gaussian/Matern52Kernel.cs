namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// The Matérn-5/2 covariance k(r) = σ²·(1 + √5·r + 5r²/3)·exp(−√5·r), with r the distance after dividing each
/// coordinate difference by its own length scale (ARD). Twice differentiable, so its posterior mean is smooth
/// enough for gradient-based acquisition search yet not as over-smooth as the squared exponential.
/// </summary>
public static class Matern52Kernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>Σ_d (x_d − y_d)² / ℓ_d², given 1/ℓ_d².</summary>
    public static double ScaledSquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> inverseSquaredLengthScales)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            var diff = x[d] - y[d];
            sum += diff * diff * inverseSquaredLengthScales[d];
        }
        return sum;
    }

    public static double Value(double scaledSquaredDistance, double signalVariance)
    {
        var r = Math.Sqrt(scaledSquaredDistance);
        return signalVariance * (1 + Sqrt5 * r + 5.0 / 3.0 * scaledSquaredDistance) * Math.Exp(-Sqrt5 * r);
    }

    /// <summary>dk/d(r²) = −(5/6)·σ²·(1 + √5·r)·exp(−√5·r): finite at r = 0, so gradients need no special case.</summary>
    public static double DerivativeBySquaredDistance(double scaledSquaredDistance, double signalVariance)
    {
        var r = Math.Sqrt(scaledSquaredDistance);
        return -5.0 / 6.0 * signalVariance * (1 + Sqrt5 * r) * Math.Exp(-Sqrt5 * r);
    }
}
