namespace Cluster.Grains.Compute.Search.Randomness;

/// <summary>Continuous distributions drawn from <see cref="Xoshiro256"/>, for Thompson sampling and Bayesian models.</summary>
public static class Sampling
{
    /// <summary>Standard normal draw (Box–Muller; one of the pair is discarded to keep the generator stateless).</summary>
    public static double NextGaussian(ref this Xoshiro256 rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, scale 1) by Marsaglia–Tsang; shapes below 1 use the Gamma(shape + 1)·U^(1/shape) boost.</summary>
    public static double NextGamma(ref this Xoshiro256 rng, double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Gamma shape must be a positive finite number.");
        }

        if (shape < 1.0)
        {
            var boosted = rng.NextGamma(shape + 1.0);
            return boosted * Math.Pow(1.0 - rng.NextDouble(), 1.0 / shape);
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = rng.NextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1.0 - rng.NextDouble();
            var xx = x * x;
            if (u < 1.0 - 0.0331 * xx * xx || Math.Log(u) < 0.5 * xx + d * (1.0 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Beta(alpha, beta) as a ratio of two Gamma draws.</summary>
    public static double NextBeta(ref this Xoshiro256 rng, double alpha, double beta)
    {
        var x = rng.NextGamma(alpha);
        var y = rng.NextGamma(beta);
        var sum = x + y;
        // Both draws can underflow to zero for tiny shapes; the mean is the honest fallback then.
        return sum > 0 ? x / sum : alpha / (alpha + beta);
    }
}
