using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class LengthScalePriorTests
{
    [Fact]
    public void Prior_gradient_matches_finite_differences()
    {
        double[] logLengthScales = [Math.Log(0.05), Math.Log(0.4), Math.Log(6)];
        var gradient = new double[3];

        LengthScalePrior.NegativeLogDensity(logLengthScales, gradient);

        for (var k = 0; k < logLengthScales.Length; k++)
        {
            var up = (double[])logLengthScales.Clone();
            var down = (double[])logLengthScales.Clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            var numeric = (LengthScalePrior.NegativeLogDensity(up, new double[3]) - LengthScalePrior.NegativeLogDensity(down, new double[3])) / 2e-6;
            Assert.Equal(numeric, gradient[k], 1e-6);
        }
    }

    [Fact]
    public void Prior_is_lowest_at_a_third_of_the_cube()
    {
        var atMedian = LengthScalePrior.NegativeLogDensity([Math.Log(1.0 / 3)], new double[1]);

        Assert.Equal(0, atMedian, 1e-12);
        Assert.True(LengthScalePrior.NegativeLogDensity([Math.Log(0.1)], new double[1]) > atMedian);
        Assert.True(LengthScalePrior.NegativeLogDensity([Math.Log(3)], new double[1]) > atMedian);
    }

    [Fact]
    public void Fitting_holds_the_length_scale_of_an_ignored_coordinate_below_the_likelihood_optimum()
    {
        var random = new Random(3);
        const int n = 16, d = 2;
        var inputs = new double[n * d];
        var outputs = new double[n];
        for (var i = 0; i < n; i++)
        {
            inputs[i * d] = random.NextDouble();
            inputs[i * d + 1] = random.NextDouble();
            outputs[i] = Math.Sin(6 * inputs[i * d]);
        }
        var likelihood = new MarginalLikelihood(inputs, n, d, outputs);

        var fitted = HyperparameterFitting.Fit(inputs, n, d, outputs, null, new Random(1), 200);

        // Likelihood alone, started from the fit, stretches the ignored coordinate far further.
        var theta = MarginalLikelihood.ToLogSpace(fitted);
        double[] lower = [Math.Log(0.01), Math.Log(0.01), Math.Log(0.05), Math.Log(1e-8)];
        double[] upper = [Math.Log(1000), Math.Log(1000), Math.Log(20), 0];
        BoundedLbfgs.Minimize(likelihood.Evaluate, theta, lower, upper, 200, initialStep: 1);
        Assert.True(Math.Exp(theta[1]) > 1.5 * fitted.LengthScales[1], $"likelihood alone {Math.Exp(theta[1])}, with the prior {fitted.LengthScales[1]}");
        Assert.True(fitted.LengthScales[1] > fitted.LengthScales[0]);
    }
}
