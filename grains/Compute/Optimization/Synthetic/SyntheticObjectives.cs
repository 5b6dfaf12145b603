using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>The usual Bayesian-optimisation test functions (definitions as in Jones et al. 1998 and Dixon &amp; Szegő 1978).</summary>
public static class SyntheticObjectives
{
    /// <summary>Branin–Hoo on [−5, 10] × [0, 15]: three global minima of 0.397887.</summary>
    public static SyntheticObjective Branin { get; } = new(
        "branin",
        [new ParameterSpec("x1", "float", -5, 10), new ParameterSpec("x2", "float", 0, 15)],
        p => BraninValue(p["x1"].Number, p["x2"].Number),
        0.397887357729738);

    /// <summary>Hartmann-6 on [0, 1]⁶: one global minimum of −3.32237 among six local ones.</summary>
    public static SyntheticObjective Hartmann6 { get; } = new(
        "hartmann6",
        [
            new ParameterSpec("x1", "float", 0, 1), new ParameterSpec("x2", "float", 0, 1), new ParameterSpec("x3", "float", 0, 1),
            new ParameterSpec("x4", "float", 0, 1), new ParameterSpec("x5", "float", 0, 1), new ParameterSpec("x6", "float", 0, 1),
        ],
        p => Hartmann6Value([p["x1"].Number, p["x2"].Number, p["x3"].Number, p["x4"].Number, p["x5"].Number, p["x6"].Number]),
        -3.32236801141551);

    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] HartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] HartmannP =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    public static double BraninValue(double x1, double x2)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI);
        const double c = 5 / Math.PI;
        const double t = 1 / (8 * Math.PI);
        var q = x2 - b * x1 * x1 + c * x1 - 6;
        return q * q + 10 * (1 - t) * Math.Cos(x1) + 10;
    }

    public static double Hartmann6Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 6; j++)
            {
                var diff = x[j] - HartmannP[i, j];
                inner += HartmannA[i, j] * diff * diff;
            }
            sum += HartmannAlpha[i] * Math.Exp(-inner);
        }
        return -sum;
    }
}
