using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// The negative log marginal likelihood −log p(y | X, θ) = ½yᵀK⁻¹y + ½log|K| + (n/2)·log 2π of a Matérn-5/2 ARD
/// Gaussian process, and its gradient ∂/∂θ = −½·tr((ααᵀ − K⁻¹)·∂K/∂θ) (α = K⁻¹y), over the log-space
/// hyperparameters θ = (log ℓ₁ … log ℓ_D, log σ², log σₙ²). Buffers are reused across evaluations: one instance
/// serves one fit on one thread.
/// </summary>
public sealed class MarginalLikelihood
{
    private const double Jitter = 1e-10;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    private readonly double[] _inputs;
    private readonly double[] _outputs;
    private readonly int _n;
    private readonly int _d;
    private readonly double[] _kernel;
    private readonly double[] _slopes;
    private readonly double[] _factor;
    private readonly double[] _inverse;
    private readonly double[] _scratch;
    private readonly double[] _alpha;
    private readonly double[] _inverseSquared;

    public MarginalLikelihood(double[] inputs, int count, int dimensions, double[] outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        _inputs = inputs;
        _outputs = outputs;
        _n = count;
        _d = dimensions;
        _kernel = new double[count * count];
        _slopes = new double[count * count];
        _factor = new double[count * count];
        _inverse = new double[count * count];
        _scratch = new double[count * count];
        _alpha = new double[count];
        _inverseSquared = new double[dimensions];
    }

    public int ParameterCount => _d + 2;

    public static double[] ToLogSpace(GaussianProcessHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var d = hyperparameters.LengthScales.Count;
        var theta = new double[d + 2];
        for (var k = 0; k < d; k++)
            theta[k] = Math.Log(hyperparameters.LengthScales[k]);
        theta[d] = Math.Log(hyperparameters.SignalVariance);
        theta[d + 1] = Math.Log(hyperparameters.NoiseVariance);
        return theta;
    }

    public static GaussianProcessHyperparameters FromLogSpace(ReadOnlySpan<double> theta)
    {
        var d = theta.Length - 2;
        var lengthScales = new double[d];
        for (var k = 0; k < d; k++)
            lengthScales[k] = Math.Exp(theta[k]);
        return new GaussianProcessHyperparameters(lengthScales, Math.Exp(theta[d]), Math.Exp(theta[d + 1]));
    }

    /// <summary>The value at <paramref name="theta"/>; +∞ where the kernel matrix is not positive definite.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int n = _n, d = _d;
        for (var k = 0; k < d; k++)
            _inverseSquared[k] = Math.Exp(-2 * theta[k]);
        var sigma2 = Math.Exp(theta[d]);
        var noise = Math.Exp(theta[d + 1]);
        for (var i = 0; i < n; i++)
        {
            var xi = _inputs.AsSpan(i * d, d);
            for (var j = 0; j < i; j++)
            {
                var r2 = Matern52Kernel.ScaledSquaredDistance(xi, _inputs.AsSpan(j * d, d), _inverseSquared);
                var k = Matern52Kernel.Value(r2, sigma2);
                _kernel[i * n + j] = k;
                _slopes[i * n + j] = Matern52Kernel.DerivativeBySquaredDistance(r2, sigma2);
                _factor[i * n + j] = k;
            }
            _factor[i * n + i] = sigma2 * (1 + Jitter) + noise;
        }
        gradient[..(d + 2)].Clear();
        if (!Cholesky.TryFactor(_factor, n))
            return double.PositiveInfinity;
        _outputs.AsSpan(0, n).CopyTo(_alpha);
        Cholesky.SolveLower(_factor, n, _alpha);
        var dataFit = 0.0;
        for (var i = 0; i < n; i++)
            dataFit += _alpha[i] * _alpha[i];
        Cholesky.SolveUpper(_factor, n, _alpha);
        var value = 0.5 * dataFit + Cholesky.HalfLogDeterminant(_factor, n) + n * HalfLogTwoPi;

        Cholesky.Inverse(_factor, n, _scratch, _inverse);
        // Each off-diagonal pair appears twice in the trace, hence no ½ there.
        var signalGradient = 0.0;
        var noiseGradient = 0.0;
        for (var i = 0; i < n; i++)
        {
            var xi = _inputs.AsSpan(i * d, d);
            for (var j = 0; j < i; j++)
            {
                var w = _alpha[i] * _alpha[j] - _inverse[i * n + j];
                signalGradient -= w * _kernel[i * n + j];
                var scale = 2 * w * _slopes[i * n + j];
                var xj = _inputs.AsSpan(j * d, d);
                for (var k = 0; k < d; k++)
                {
                    var diff = xi[k] - xj[k];
                    gradient[k] += scale * diff * diff * _inverseSquared[k];
                }
            }
            var wii = _alpha[i] * _alpha[i] - _inverse[i * n + i];
            signalGradient -= 0.5 * wii * sigma2;
            noiseGradient -= 0.5 * wii * noise;
        }
        gradient[d] = signalGradient;
        gradient[d + 1] = noiseGradient;
        return value;
    }
}
