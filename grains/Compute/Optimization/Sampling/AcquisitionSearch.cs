using Cluster.GrainInterfaces.Compute.Optimization;
using MathNet.Numerics.Distributions;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Maximises log expected improvement over the unit cube: scores random candidates and perturbations of the best
/// observed points (at several scales, for precision near an optimum), refines the most promising with bounded
/// L-BFGS on the analytic gradient (categorical coordinates held fixed, integers relaxed), then snaps to a feasible
/// point. The number of candidates and refinement steps shrinks with the number of observations, since each
/// prediction costs O(n²): the search is budgeted, not timed, so it stays deterministic.
/// </summary>
internal sealed class AcquisitionSearch
{
    private const double PredictionBudget = 1.0e7;
    private const double RefinementBudget = 5.0e6;
    private const int Refinements = 5;
    private static readonly double[] PerturbationScales = [0.001, 0.01, 0.05, 0.2];

    private readonly GaussianProcess _model;
    private readonly SearchSpace _space;
    private readonly double _best;
    private readonly int _dimensions;
    private readonly double[] _scratch;
    private readonly double[] _meanGradient;
    private readonly double[] _varianceGradient;

    private AcquisitionSearch(GaussianProcess model, SearchSpace space, double best)
    {
        _model = model;
        _space = space;
        _best = best;
        _dimensions = model.Dimensions;
        _scratch = new double[2 * model.Count];
        _meanGradient = new double[_dimensions];
        _varianceGradient = new double[_dimensions];
    }

    /// <summary>
    /// The snapped point of highest expected improvement below <paramref name="best"/> that is not in
    /// <paramref name="taken"/> (unless every candidate is). <paramref name="incumbents"/> are row indices of
    /// <paramref name="taken"/> to search around.
    /// </summary>
    public static double[] Maximise(GaussianProcess model, SearchSpace space, double best, TakenPoints taken, IReadOnlyList<int> incumbents, Random random)
    {
        var search = new AcquisitionSearch(model, space, best);
        var costPerPrediction = 0.5 * model.Count * model.Count + model.Count * (model.Dimensions + 20.0);
        var candidateCount = (int)Math.Clamp(PredictionBudget / costPerPrediction, 256, 2048);
        var refinementEvaluations = (int)Math.Clamp(RefinementBudget / (2 * Refinements * costPerPrediction), 10, 50);
        var d = search._dimensions;

        var localCount = incumbents.Count == 0 ? 0 : candidateCount / 3;
        var count = candidateCount - localCount;
        var candidates = new double[candidateCount * d];
        var scores = new double[candidateCount];
        for (var c = 0; c < candidateCount; c++)
        {
            var point = candidates.AsSpan(c * d, d);
            if (c < count)
                UnitCube.Sample(space, random, point);
            else
                search.Perturb(taken[incumbents[(c - count) % incumbents.Count]], PerturbationScales[(c - count) / incumbents.Count % PerturbationScales.Length], random, point);
            scores[c] = search.LogImprovement(point);
        }
        var order = new int[candidateCount];
        for (var c = 0; c < candidateCount; c++)
            order[c] = c;
        Array.Sort((double[])scores.Clone(), order);
        Array.Reverse(order);

        var refined = new double[Refinements * d];
        var refinedScores = new double[Refinements];
        var refinedCount = 0;
        var lower = new double[d];
        var upper = new double[d];
        for (var r = 0; r < candidateCount && refinedCount < Refinements; r++)
        {
            var start = candidates.AsSpan(order[r] * d, d);
            if (!double.IsFinite(scores[order[r]]))
                break;
            var point = refined.AsSpan(refinedCount * d, d);
            start.CopyTo(point);
            search.Bounds(point, lower, upper);
            BoundedLbfgs.Minimize(search.NegativeLogImprovement, point, lower, upper, refinementEvaluations, initialStep: 0.05);
            UnitCube.Snap(space, point);
            refinedScores[refinedCount++] = search.LogImprovement(point);
        }

        // Refined points first, best first; then the raw candidates in score order.
        var refinedOrder = new int[refinedCount];
        for (var r = 0; r < refinedCount; r++)
            refinedOrder[r] = r;
        Array.Sort(refinedScores[..refinedCount], refinedOrder);
        Array.Reverse(refinedOrder);
        foreach (var r in refinedOrder)
        {
            var point = refined.AsSpan(r * d, d);
            if (!taken.Contains(point))
                return point.ToArray();
        }
        foreach (var c in order)
        {
            var point = candidates.AsSpan(c * d, d);
            if (!taken.Contains(point))
                return point.ToArray();
        }
        return candidates.AsSpan(order[0] * d, d).ToArray();
    }

    private double LogImprovement(ReadOnlySpan<double> point)
    {
        var (mean, variance) = _model.Predict(point, _scratch);
        return ExpectedImprovement.LogValue(mean, Math.Sqrt(variance), _best);
    }

    /// <summary>−log EI and its gradient: with s = √var and z = (best − μ)/s, d log EI = ds/s + (Φ(z)/h(z))·dz.</summary>
    private double NegativeLogImprovement(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var (mean, variance) = _model.PredictWithGradient(point, _scratch, _meanGradient, _varianceGradient);
        var s = Math.Sqrt(Math.Max(variance, 1e-300));
        var z = (_best - mean) / s;
        var slope = ExpectedImprovement.LogHSlope(z);
        for (var k = 0; k < _dimensions; k++)
        {
            var ds = _varianceGradient[k] / (2 * s);
            var dz = (-_meanGradient[k] - z * ds) / s;
            gradient[k] = -(ds / s + slope * dz);
        }
        return -(Math.Log(s) + ExpectedImprovement.LogH(z));
    }

    /// <summary>Numeric coordinates move freely in [0, 1]; categorical ones are pinned to their current one-hot value.</summary>
    private void Bounds(ReadOnlySpan<double> point, Span<double> lower, Span<double> upper)
    {
        var at = 0;
        foreach (var p in _space.Parameters)
        {
            for (var k = at; k < at + p.EncodedWidth; k++)
            {
                var pinned = p.Kind == ParameterKind.Categorical;
                lower[k] = pinned ? point[k] : 0;
                upper[k] = pinned ? point[k] : 1;
            }
            at += p.EncodedWidth;
        }
    }

    private void Perturb(ReadOnlySpan<double> centre, double scale, Random random, Span<double> point)
    {
        centre.CopyTo(point);
        var at = 0;
        foreach (var p in _space.Parameters)
        {
            if (p.Kind != ParameterKind.Categorical)
                point[at] = Math.Clamp(point[at] + Normal.Sample(random, 0, scale), 0, 1);
            at += p.EncodedWidth;
        }
        UnitCube.Snap(_space, point);
    }
}
