using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>Thompson draws of an option's mean score from its conjugate posterior given <see cref="ScoreStatistics"/>.</summary>
internal readonly struct ScorePosterior(AbMctsOptions options)
{
    private readonly ScoreModel _model = options.Model;
    private readonly (double Alpha, double Beta) _beta = options.BetaPrior;
    private readonly (double Mean, double Kappa, double Alpha, double Beta) _gaussian = options.GaussianPrior;

    public double Sample(in ScoreStatistics scores, ref Xoshiro256 rng)
    {
        if (_model == ScoreModel.Beta)
        {
            return rng.NextBeta(_beta.Alpha + scores.Sum, _beta.Beta + scores.Count - scores.Sum);
        }

        // Normal-Inverse-Gamma update with n observations of mean m and centred sum of squares S:
        // κ = κ₀ + n, μ = (κ₀μ₀ + n·m)/κ, α = α₀ + n/2, β = β₀ + S/2 + κ₀·n·(m − μ₀)² / (2κ).
        var n = scores.Count;
        var mean = scores.Mean;
        var centred = Math.Max(0.0, scores.SumOfSquares - n * mean * mean);
        var kappa = _gaussian.Kappa + n;
        var mu = (_gaussian.Kappa * _gaussian.Mean + scores.Sum) / kappa;
        var alpha = _gaussian.Alpha + n / 2.0;
        var deviation = mean - _gaussian.Mean;
        var beta = _gaussian.Beta + centred / 2.0 + _gaussian.Kappa * n * deviation * deviation / (2.0 * kappa);
        var variance = beta / rng.NextGamma(alpha);
        return mu + Math.Sqrt(variance / kappa) * rng.NextGaussian();
    }
}
