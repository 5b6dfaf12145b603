using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class GaussianProcessTests
{
    private const double Tolerance = 1e-8;

    [Fact]
    public void One_observation_gives_the_hand_computed_posterior()
    {
        // k(0, 0.5) = 2·(1 + √5·0.5 + (5/3)·0.25)·e^(−√5·0.5) = 1.6572982848; K = σ² + σₙ² = 2.5.
        var gp = GaussianProcess.Condition([[0.0]], [1.0], new GaussianProcessHyperparameters([1.0], 2.0, 0.5));

        var (mean, variance) = gp.Predict([0.5]);

        Assert.Equal(1.6572982848362505 / 2.5, mean, Tolerance);
        Assert.Equal(2 - 1.6572982848362505 * 1.6572982848362505 / 2.5, variance, Tolerance);
    }

    [Fact]
    public void Two_observations_give_the_hand_computed_posterior()
    {
        // ℓ = 0.5, σ² = 1, σₙ² = 0.01; inputs 0 and 1, outputs 1 and −1; 2×2 inverse by hand.
        var gp = GaussianProcess.Condition([[0.0], [1.0]], [1.0, -1.0], new GaussianProcessHyperparameters([0.5], 1.0, 0.01));

        var (mean, variance) = gp.Predict([0.25]);

        Assert.Equal(0.6260311798676319, mean, Tolerance);
        Assert.Equal(0.2911810947560056, variance, Tolerance);
    }

    [Fact]
    public void Each_dimension_is_scaled_by_its_own_length_scale()
    {
        // r² = 0.3²/1² + 0.4²/2² = 0.13.
        var gp = GaussianProcess.Condition([[0.0, 0.0]], [2.0], new GaussianProcessHyperparameters([1.0, 2.0], 1.5, 0.1));

        var (mean, variance) = gp.Predict([0.3, 0.4]);

        Assert.Equal(1.6936928672141642, mean, Tolerance);
        Assert.Equal(0.3525617886191452, variance, Tolerance);
    }

    [Fact]
    public void Posterior_interpolates_noise_free_observations()
    {
        var gp = GaussianProcess.Condition([[0.2, 0.7], [0.9, 0.1]], [3.0, -2.0], new GaussianProcessHyperparameters([0.4, 0.6], 1.0, 1e-9));

        var (mean, variance) = gp.Predict([0.2, 0.7]);

        Assert.Equal(3.0, mean, 1e-6);
        Assert.True(variance < 1e-6);
    }

    [Fact]
    public void Prediction_gradients_match_finite_differences()
    {
        var random = new Random(3);
        var inputs = new double[8][];
        var outputs = new double[8];
        for (var i = 0; i < 8; i++)
        {
            inputs[i] = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            outputs[i] = Math.Sin(5 * inputs[i][0]) + inputs[i][1];
        }
        var gp = GaussianProcess.Condition(inputs, outputs, new GaussianProcessHyperparameters([0.3, 0.5, 2.0], 1.3, 1e-3));
        double[] x = [0.41, 0.27, 0.66];
        var meanGradient = new double[3];
        var varianceGradient = new double[3];

        gp.PredictWithGradient(x, new double[16], meanGradient, varianceGradient);

        for (var d = 0; d < 3; d++)
        {
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[d] += 1e-6;
            down[d] -= 1e-6;
            var (meanUp, varianceUp) = gp.Predict(up);
            var (meanDown, varianceDown) = gp.Predict(down);
            Assert.Equal((meanUp - meanDown) / 2e-6, meanGradient[d], 1e-5);
            Assert.Equal((varianceUp - varianceDown) / 2e-6, varianceGradient[d], 1e-5);
        }
    }

    [Fact]
    public void Marginal_likelihood_matches_the_hand_computed_value()
    {
        // Same two observations as above: ½yᵀK⁻¹y + ½log|K| + log 2π.
        var likelihood = new MarginalLikelihood([0.0, 1.0], 2, 1, [1.0, -1.0]);
        var theta = MarginalLikelihood.ToLogSpace(new GaussianProcessHyperparameters([0.5], 1.0, 0.01));

        var value = likelihood.Evaluate(theta, new double[3]);

        Assert.Equal(2.9859714670591875, value, 1e-7);
    }

    [Fact]
    public void Marginal_likelihood_gradient_matches_finite_differences()
    {
        var random = new Random(5);
        const int n = 12, d = 2;
        var inputs = new double[n * d];
        var outputs = new double[n];
        for (var i = 0; i < n; i++)
        {
            inputs[i * d] = random.NextDouble();
            inputs[i * d + 1] = random.NextDouble();
            outputs[i] = Math.Cos(4 * inputs[i * d]) - inputs[i * d + 1];
        }
        var likelihood = new MarginalLikelihood(inputs, n, d, outputs);
        double[] theta = [Math.Log(0.4), Math.Log(0.9), Math.Log(1.2), Math.Log(0.01)];
        var gradient = new double[4];

        likelihood.Evaluate(theta, gradient);

        for (var k = 0; k < theta.Length; k++)
        {
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            var numeric = (likelihood.Evaluate(up, new double[4]) - likelihood.Evaluate(down, new double[4])) / 2e-6;
            Assert.Equal(numeric, gradient[k], 1e-4);
        }
    }

    [Fact]
    public void Fitting_finds_a_higher_likelihood_than_its_default_start()
    {
        var random = new Random(11);
        const int n = 20, d = 2;
        var inputs = new double[n * d];
        var outputs = new double[n];
        for (var i = 0; i < n; i++)
        {
            inputs[i * d] = random.NextDouble();
            inputs[i * d + 1] = random.NextDouble();
            outputs[i] = Math.Sin(8 * inputs[i * d]);
        }
        var likelihood = new MarginalLikelihood(inputs, n, d, outputs);
        var defaultStart = new GaussianProcessHyperparameters([0.3, 0.3], 1, 1e-4);

        var fitted = HyperparameterFitting.Fit(inputs, n, d, outputs, null, new Random(1), 120);

        var fittedValue = likelihood.Evaluate(MarginalLikelihood.ToLogSpace(fitted), new double[4]);
        var defaultValue = likelihood.Evaluate(MarginalLikelihood.ToLogSpace(defaultStart), new double[4]);
        Assert.True(fittedValue < defaultValue - 1, $"fitted {fittedValue}, default {defaultValue}");
        // The output varies along x1 only, so x2 should get the longer length scale.
        Assert.True(fitted.LengthScales[1] > fitted.LengthScales[0]);
    }

    [Fact]
    public void Cholesky_inverse_times_matrix_is_identity()
    {
        const int n = 5;
        var random = new Random(2);
        var b = new double[n * n];
        for (var i = 0; i < b.Length; i++)
            b[i] = random.NextDouble();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                    a[i * n + j] += b[i * n + k] * b[j * n + k];
            }
            a[i * n + i] += 1;
        }
        var factor = (double[])a.Clone();
        Assert.True(Cholesky.TryFactor(factor, n));
        var inverse = new double[n * n];

        Cholesky.Inverse(factor, n, new double[n * n], inverse);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var product = 0.0;
                for (var k = 0; k < n; k++)
                    product += a[i * n + k] * inverse[k * n + j];
                Assert.Equal(i == j ? 1.0 : 0.0, product, 1e-10);
            }
        }
    }

    [Fact]
    public void Cholesky_rejects_a_matrix_that_is_not_positive_definite()
    {
        double[] a = [1, 2, 2, 1];

        Assert.False(Cholesky.TryFactor(a, 2));
    }
}
