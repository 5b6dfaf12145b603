using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// The space-filling points a Gaussian-process study starts from: the first trial is drawn at random, and trial i
/// after it is the first one's point shifted by i steps of the additive recurrence of Roberts' R-sequence
/// (x + i·α mod 1, αₖ = φ⁻ᵏ with φ the positive root of φ^(D+1) = φ + 1), a low-discrepancy sequence: it covers the
/// cube more evenly than independent draws, so a small design is less likely to leave a basin unsampled. The shift by
/// the first point makes the design differ from study to study while every suggestion stays a function of its request
/// alone.
/// </summary>
public static class InitialDesign
{
    internal static IReadOnlyDictionary<string, ParameterValue> Suggest(SearchSpace space, TakenPoints taken, Random random)
    {
        if (taken.Count == 0)
            return RandomSampler.Suggest(space, taken, random);
        var point = Point(taken[0], taken.Count);
        UnitCube.Snap(space, point);
        return taken.Contains(point) ? RandomSampler.Suggest(space, taken, random) : UnitCube.Decode(space, point);
    }

    /// <summary>Point <paramref name="index"/> of the sequence that starts at <paramref name="origin"/>.</summary>
    public static double[] Point(ReadOnlySpan<double> origin, int index)
    {
        var d = origin.Length;
        var phi = GeneralisedGoldenRatio(d);
        var point = new double[d];
        var alpha = 1.0;
        for (var k = 0; k < d; k++)
        {
            alpha /= phi;
            var x = origin[k] + index * alpha;
            point[k] = x - Math.Floor(x);
        }
        return point;
    }

    /// <summary>The positive root of φ^(D+1) = φ + 1, by the fixed-point iteration φ ← (1 + φ)^(1/(D+1)).</summary>
    private static double GeneralisedGoldenRatio(int dimensions)
    {
        var phi = 2.0;
        for (var i = 0; i < 64; i++)
            phi = Math.Pow(1 + phi, 1.0 / (dimensions + 1));
        return phi;
    }
}
