using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Fits Gaussian-process hyperparameters by maximising the log marginal likelihood plus the
/// <see cref="LengthScalePrior"/> (a maximum a posteriori fit) with multi-start bounded L-BFGS in log space. The number
/// of likelihood evaluations is budgeted by the data size (each costs O(n³)), and the previous fit is the first start,
/// so refits as trials accumulate stay cheap and mostly polish the last answer.
/// </summary>
public static class HyperparameterFitting
{
    /// <summary>Likelihood evaluations are budgeted so a fit costs about this many floating-point operations.</summary>
    private const double WorkBudget = 1.2e8;
    private const int MinEvaluations = 8;
    private const int MaxEvaluations = 240;
    private const int EvaluationsPerStart = 60;

    // Bounds for inputs in the unit cube and standardised outputs: length scales from 1% to 20 times the cube's side;
    // noise down to 1e-8 so noiseless objectives can be resolved to well under a thousandth of their spread.
    private static readonly double LogMinLengthScale = Math.Log(0.01);
    private static readonly double LogMaxLengthScale = Math.Log(20);
    private static readonly double LogMinSignal = Math.Log(0.05);
    private static readonly double LogMaxSignal = Math.Log(20);
    private static readonly double LogMinNoise = Math.Log(1e-8);
    private static readonly double LogMaxNoise = Math.Log(1);

    /// <summary>How many likelihood evaluations a fit on <paramref name="count"/> points of <paramref name="dimensions"/> coordinates gets.</summary>
    public static int EvaluationBudget(int count, int dimensions)
    {
        var n = (double)count;
        var perEvaluation = n * n * n + 10 * n * n * dimensions;
        return (int)Math.Clamp(WorkBudget / perEvaluation, MinEvaluations, MaxEvaluations);
    }

    /// <summary>
    /// Fits hyperparameters to <paramref name="count"/> row-major unit-cube <paramref name="inputs"/> and standardised
    /// <paramref name="outputs"/>, starting from <paramref name="warmStart"/> (when its dimensions match) and then
    /// from a default and random starting points while the evaluation budget lasts.
    /// </summary>
    public static GaussianProcessHyperparameters Fit(double[] inputs, int count, int dimensions, double[] outputs,
        GaussianProcessHyperparameters? warmStart, Random random, int evaluationBudget)
    {
        ArgumentNullException.ThrowIfNull(random);
        var likelihood = new MarginalLikelihood(inputs, count, dimensions, outputs);
        var p = likelihood.ParameterCount;
        var lower = new double[p];
        var upper = new double[p];
        for (var k = 0; k < dimensions; k++)
        {
            lower[k] = LogMinLengthScale;
            upper[k] = LogMaxLengthScale;
        }
        (lower[dimensions], upper[dimensions]) = (LogMinSignal, LogMaxSignal);
        (lower[dimensions + 1], upper[dimensions + 1]) = (LogMinNoise, LogMaxNoise);

        var starts = Math.Clamp(evaluationBudget / EvaluationsPerStart, 1, 4);
        var perStart = evaluationBudget / starts;
        var hasWarmStart = warmStart is not null && warmStart.LengthScales.Count == dimensions;
        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        var theta = new double[p];
        for (var start = 0; start < starts; start++)
        {
            if (start == 0 && hasWarmStart)
                MarginalLikelihood.ToLogSpace(warmStart!).CopyTo(theta, 0);
            else if (start == 0 || (start == 1 && hasWarmStart))
                DefaultStart(theta, dimensions);
            else
                RandomStart(theta, dimensions, random);
            var value = BoundedLbfgs.Minimize(Posterior, theta, lower, upper, perStart, initialStep: 1);
            if (value < bestValue || best is null)
            {
                bestValue = value;
                best = (double[])theta.Clone();
            }
        }
        if (!double.IsFinite(bestValue))
            DefaultStart(best!, dimensions);
        return MarginalLikelihood.FromLogSpace(best);

        double Posterior(ReadOnlySpan<double> logHyperparameters, Span<double> gradient)
        {
            var value = likelihood.Evaluate(logHyperparameters, gradient);
            return double.IsFinite(value) ? value + LengthScalePrior.NegativeLogDensity(logHyperparameters[..dimensions], gradient) : value;
        }
    }

    private static void DefaultStart(double[] theta, int dimensions)
    {
        for (var k = 0; k < dimensions; k++)
            theta[k] = Math.Log(0.3);
        theta[dimensions] = 0;
        theta[dimensions + 1] = Math.Log(1e-4);
    }

    private static void RandomStart(double[] theta, int dimensions, Random random)
    {
        for (var k = 0; k < dimensions; k++)
            theta[k] = Math.Log(0.05) + random.NextDouble() * (Math.Log(2) - Math.Log(0.05));
        theta[dimensions] = Math.Log(0.3) + random.NextDouble() * (Math.Log(3) - Math.Log(0.3));
        theta[dimensions + 1] = Math.Log(1e-6) + random.NextDouble() * (Math.Log(1e-2) - Math.Log(1e-6));
    }
}
