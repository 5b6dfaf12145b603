using System.Numerics.Tensors;
using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// A zero-mean Gaussian-process regression conditioned on observations with fixed hyperparameters
/// (Matérn-5/2 ARD kernel plus Gaussian observation noise). Predictions are of the latent function:
/// mean k*ᵀ(K + σₙ²I)⁻¹y and variance k(x,x) − k*ᵀ(K + σₙ²I)⁻¹k*.
/// An instance is immutable, but the span-taking predictions write into caller-provided scratch, so one instance
/// can serve many threads.
/// </summary>
public sealed class GaussianProcess
{
    /// <summary>Relative diagonal jitter that keeps the factorisation stable when two inputs coincide.</summary>
    private const double Jitter = 1e-10;

    private readonly double[] _inputs;
    private readonly double[] _factor;
    private readonly double[] _weights;
    private readonly double[] _inverseSquaredLengthScales;
    private readonly double _signalVariance;

    private GaussianProcess(double[] inputs, int count, int dimensions, double[] factor, double[] weights, double[] inverseSquaredLengthScales, double signalVariance)
    {
        _inputs = inputs;
        Count = count;
        Dimensions = dimensions;
        _factor = factor;
        _weights = weights;
        _inverseSquaredLengthScales = inverseSquaredLengthScales;
        _signalVariance = signalVariance;
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>Conditions on <paramref name="inputs"/> (one array per observation) and their <paramref name="outputs"/>.</summary>
    public static GaussianProcess Condition(IReadOnlyList<double[]> inputs, IReadOnlyList<double> outputs, GaussianProcessHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        if (inputs.Count != outputs.Count || inputs.Count == 0)
            throw new ArgumentException("One output per input, and at least one of each, is required.", nameof(outputs));
        var d = hyperparameters.LengthScales.Count;
        var flat = new double[inputs.Count * d];
        var y = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Length != d)
                throw new ArgumentException($"inputs[{i}] has {inputs[i].Length} coordinates; the hyperparameters have {d} length scales.", nameof(inputs));
            inputs[i].CopyTo(flat, i * d);
            y[i] = outputs[i];
        }
        return Condition(flat, inputs.Count, y, hyperparameters);
    }

    /// <summary>Conditions on <paramref name="count"/> row-major inputs (taken over, not copied) and their outputs.</summary>
    public static GaussianProcess Condition(double[] inputs, int count, ReadOnlySpan<double> outputs, GaussianProcessHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var d = hyperparameters.LengthScales.Count;
        var inverseSquared = new double[d];
        for (var k = 0; k < d; k++)
            inverseSquared[k] = 1 / (hyperparameters.LengthScales[k] * hyperparameters.LengthScales[k]);
        var sigma2 = hyperparameters.SignalVariance;
        var n = count;
        var factor = new double[n * n];
        for (var attempt = 0; ; attempt++)
        {
            var diagonal = sigma2 + hyperparameters.NoiseVariance + sigma2 * Jitter * Math.Pow(100, attempt);
            for (var i = 0; i < n; i++)
            {
                var xi = inputs.AsSpan(i * d, d);
                for (var j = 0; j < i; j++)
                    factor[i * n + j] = Matern52Kernel.Value(Matern52Kernel.ScaledSquaredDistance(xi, inputs.AsSpan(j * d, d), inverseSquared), sigma2);
                factor[i * n + i] = diagonal;
            }
            if (Cholesky.TryFactor(factor, n))
                break;
            if (attempt == 4)
                throw new InvalidOperationException("The kernel matrix is not positive definite even with added jitter; check the hyperparameters.");
        }
        var weights = outputs[..n].ToArray();
        Cholesky.SolveLower(factor, n, weights);
        Cholesky.SolveUpper(factor, n, weights);
        return new GaussianProcess(inputs, n, d, factor, weights, inverseSquared, sigma2);
    }

    /// <summary>Posterior mean and variance of the latent function at <paramref name="x"/>.</summary>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> x)
    {
        var scratch = new double[Count];
        return Predict(x, scratch);
    }

    /// <summary>As <see cref="Predict(ReadOnlySpan{double})"/>, using <paramref name="scratch"/> (length ≥ Count).</summary>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> x, Span<double> scratch)
    {
        var k = scratch[..Count];
        for (var i = 0; i < Count; i++)
            k[i] = Matern52Kernel.Value(Matern52Kernel.ScaledSquaredDistance(x, Input(i), _inverseSquaredLengthScales), _signalVariance);
        var mean = TensorPrimitives.Dot<double>(k, _weights);
        Cholesky.SolveLower(_factor, Count, k);
        var variance = _signalVariance - TensorPrimitives.Dot<double>(k, k);
        return (mean, Math.Max(variance, 0));
    }

    /// <summary>
    /// Posterior mean and variance with their gradients with respect to <paramref name="x"/>.
    /// <paramref name="scratch"/> needs 2·Count entries.
    /// </summary>
    public (double Mean, double Variance) PredictWithGradient(ReadOnlySpan<double> x, Span<double> scratch, Span<double> meanGradient, Span<double> varianceGradient)
    {
        var n = Count;
        var v = scratch[..n];
        var slopes = scratch.Slice(n, n);
        for (var i = 0; i < n; i++)
        {
            var r2 = Matern52Kernel.ScaledSquaredDistance(x, Input(i), _inverseSquaredLengthScales);
            v[i] = Matern52Kernel.Value(r2, _signalVariance);
            slopes[i] = Matern52Kernel.DerivativeBySquaredDistance(r2, _signalVariance);
        }
        var mean = TensorPrimitives.Dot<double>(v, _weights);
        Cholesky.SolveLower(_factor, n, v);
        var variance = _signalVariance - TensorPrimitives.Dot<double>(v, v);
        // β = K⁻¹k*: dvar/dx = −2·Σ βᵢ·∂kᵢ/∂x, dmean/dx = Σ αᵢ·∂kᵢ/∂x, with ∂kᵢ/∂x_d = dk/d(r²)·2(x_d − xᵢ_d)/ℓ_d².
        Cholesky.SolveUpper(_factor, n, v);
        meanGradient[..Dimensions].Clear();
        varianceGradient[..Dimensions].Clear();
        for (var i = 0; i < n; i++)
        {
            var xi = Input(i);
            var meanScale = 2 * slopes[i] * _weights[i];
            var varianceScale = -4 * slopes[i] * v[i];
            for (var d = 0; d < Dimensions; d++)
            {
                var scaledDiff = (x[d] - xi[d]) * _inverseSquaredLengthScales[d];
                meanGradient[d] += meanScale * scaledDiff;
                varianceGradient[d] += varianceScale * scaledDiff;
            }
        }
        return (mean, Math.Max(variance, 0));
    }

    private ReadOnlySpan<double> Input(int i) => _inputs.AsSpan(i * Dimensions, Dimensions);
}
