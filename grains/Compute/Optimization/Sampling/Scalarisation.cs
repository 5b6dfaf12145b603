using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Turns completed trials' objective values into one number to minimise. One objective: its value, negated when it
/// is maximised. Several (ParEGO): each objective is rescaled to [0, 1] over the completed trials and combined by the
/// augmented Chebyshev function with a weight vector drawn uniformly from the simplex anew for every suggestion, so
/// successive suggestions aim at different parts of the Pareto front.
/// </summary>
public static class Scalarisation
{
    /// <summary>ParEGO's augmentation coefficient: small, so the max term dominates while ties are still broken.</summary>
    public const double Augmentation = 0.05;

    public static double[] Targets(IReadOnlyList<Trial> completed, IReadOnlyList<Objective> objectives, Random random)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(random);
        var n = completed.Count;
        var targets = new double[n];
        if (objectives.Count == 1)
        {
            for (var i = 0; i < n; i++)
                targets[i] = objectives[0].ToMinimised(completed[i].Values[0]);
            return targets;
        }
        var m = objectives.Count;
        var weights = RandomWeights(m, random);
        var low = new double[m];
        var high = new double[m];
        for (var k = 0; k < m; k++)
        {
            low[k] = double.PositiveInfinity;
            high[k] = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var v = objectives[k].ToMinimised(completed[i].Values[k]);
                low[k] = Math.Min(low[k], v);
                high[k] = Math.Max(high[k], v);
            }
        }
        var normalised = new double[m];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < m; k++)
            {
                var range = high[k] - low[k];
                normalised[k] = range > 0 ? (objectives[k].ToMinimised(completed[i].Values[k]) - low[k]) / range : 0;
            }
            targets[i] = AugmentedChebyshev(normalised, weights);
        }
        return targets;
    }

    /// <summary>max_k(w_k·f_k) + ρ·Σ_k w_k·f_k with ρ = <see cref="Augmentation"/>.</summary>
    public static double AugmentedChebyshev(ReadOnlySpan<double> normalisedValues, ReadOnlySpan<double> weights)
    {
        var max = double.NegativeInfinity;
        var sum = 0.0;
        for (var k = 0; k < normalisedValues.Length; k++)
        {
            var weighted = weights[k] * normalisedValues[k];
            max = Math.Max(max, weighted);
            sum += weighted;
        }
        return max + Augmentation * sum;
    }

    /// <summary>A uniform draw from the simplex: normalised unit exponentials (a flat Dirichlet).</summary>
    public static double[] RandomWeights(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var weights = new double[count];
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            weights[k] = -Math.Log(1 - random.NextDouble());
            total += weights[k];
        }
        for (var k = 0; k < count; k++)
            weights[k] /= total;
        return weights;
    }
}
