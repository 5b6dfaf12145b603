using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Maps parameter values to and from the unit cube the Gaussian process works in: a float or int takes one
/// coordinate (log parameters in log space; an int n covers [n-0.5, n+0.5) so each integer gets an equal share),
/// a categorical takes one coordinate per choice (one-hot).
/// </summary>
public static class UnitCube
{
    public static int Dimensions(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var d = 0;
        foreach (var p in space.Parameters)
            d += p.EncodedWidth;
        return d;
    }

    public static void Encode(SearchSpace space, IReadOnlyDictionary<string, ParameterValue> values, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(values);
        var at = 0;
        foreach (var p in space.Parameters)
        {
            var v = values[p.Name];
            if (p.Kind == ParameterKind.Categorical)
            {
                for (var c = 0; c < p.Choices.Count; c++)
                    destination[at + c] = p.Choices[c] == v.Choice ? 1 : 0;
            }
            else
            {
                var (a, b) = Range(p);
                destination[at] = Math.Clamp((Warp(p, v.Number) - a) / (b - a), 0, 1);
            }
            at += p.EncodedWidth;
        }
    }

    public static Dictionary<string, ParameterValue> Decode(SearchSpace space, ReadOnlySpan<double> point)
    {
        ArgumentNullException.ThrowIfNull(space);
        var values = new Dictionary<string, ParameterValue>(space.Parameters.Count);
        var at = 0;
        foreach (var p in space.Parameters)
        {
            values[p.Name] = p.Kind == ParameterKind.Categorical
                ? ParameterValue.Of(p.Choices[ArgMax(point.Slice(at, p.Choices.Count))])
                : ParameterValue.Of(DecodeNumber(p, point[at]));
            at += p.EncodedWidth;
        }
        return values;
    }

    /// <summary>
    /// Moves a point of the relaxed cube onto the nearest point a trial can take: ints rounded (and re-encoded at the
    /// centre of their cell), categoricals made one-hot. Two snapped points are equal exactly when they decode equally.
    /// </summary>
    public static void Snap(SearchSpace space, Span<double> point)
    {
        ArgumentNullException.ThrowIfNull(space);
        var at = 0;
        foreach (var p in space.Parameters)
        {
            switch (p.Kind)
            {
                case ParameterKind.Categorical:
                    var best = ArgMax(point.Slice(at, p.Choices.Count));
                    for (var c = 0; c < p.Choices.Count; c++)
                        point[at + c] = c == best ? 1 : 0;
                    break;
                case ParameterKind.Int:
                    var (a, b) = Range(p);
                    point[at] = (Warp(p, DecodeNumber(p, point[at])) - a) / (b - a);
                    break;
                default:
                    point[at] = Math.Clamp(point[at], 0, 1);
                    break;
            }
            at += p.EncodedWidth;
        }
    }

    /// <summary>Draws a point uniformly (log-uniformly for log parameters), already snapped.</summary>
    public static void Sample(SearchSpace space, Random random, Span<double> point)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(random);
        var at = 0;
        foreach (var p in space.Parameters)
        {
            if (p.Kind == ParameterKind.Categorical)
            {
                var pick = random.Next(p.Choices.Count);
                for (var c = 0; c < p.Choices.Count; c++)
                    point[at + c] = c == pick ? 1 : 0;
            }
            else
            {
                point[at] = random.NextDouble();
            }
            at += p.EncodedWidth;
        }
        Snap(space, point);
    }

    private static double DecodeNumber(Parameter p, double u)
    {
        var (a, b) = Range(p);
        var t = a + Math.Clamp(u, 0, 1) * (b - a);
        var x = p.Log ? Math.Exp(t) : t;
        if (p.Kind == ParameterKind.Int)
            x = Math.Round(x, MidpointRounding.AwayFromZero);
        return Math.Clamp(x, p.Low, p.High);
    }

    private static (double Low, double High) Range(Parameter p) =>
        p.Kind == ParameterKind.Int
            ? (Warp(p, p.Low - 0.5), Warp(p, p.High + 0.5))
            : (Warp(p, p.Low), Warp(p, p.High));

    private static double Warp(Parameter p, double x) => p.Log ? Math.Log(x) : x;

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }
}
