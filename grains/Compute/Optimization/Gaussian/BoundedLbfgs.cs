using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>A function value with its gradient written into the second argument.</summary>
public delegate double FunctionWithGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>
/// Limited-memory BFGS minimisation inside a box: the quasi-Newton step is taken over the variables not held at a
/// bound, projected back into the box, with a backtracking (Armijo) line search. It stops after a fixed number of
/// function evaluations, so its cost is bounded and its result deterministic. Variables with equal bounds stay fixed.
/// </summary>
public static class BoundedLbfgs
{
    private const int Memory = 6;
    private const double Armijo = 1e-4;

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/> (updated in place to the best point found).</summary>
    /// <param name="initialStep">Largest coordinate move of the first (steepest-descent) step.</param>
    /// <returns>The best value found.</returns>
    public static double Minimize(FunctionWithGradient f, Span<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int maxEvaluations, double initialStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        var n = x.Length;
        for (var i = 0; i < n; i++)
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        var g = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var direction = new double[n];
        var s = new double[Memory * n];
        var y = new double[Memory * n];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        var stored = 0;
        var newest = -1;

        var value = f(x, g);
        var evaluations = 1;
        if (!double.IsFinite(value))
            return value;
        while (evaluations < maxEvaluations)
        {
            if (ProjectedGradientNorm(x, g, lower, upper) < 1e-9)
                break;
            Direction(x, g, lower, upper, s, y, rho, alpha, stored, newest, direction);
            var slope = Dot(g, direction);
            if (!(slope < 0))
            {
                stored = 0;
                Direction(x, g, lower, upper, s, y, rho, alpha, 0, -1, direction);
                slope = Dot(g, direction);
                if (!(slope < 0))
                    break;
            }
            var step = 1.0;
            if (stored == 0)
            {
                var largest = 0.0;
                for (var i = 0; i < n; i++)
                    largest = Math.Max(largest, Math.Abs(direction[i]));
                step = Math.Min(1, initialStep / largest);
            }
            var accepted = false;
            var trialValue = 0.0;
            while (evaluations < maxEvaluations)
            {
                var decrease = 0.0;
                for (var i = 0; i < n; i++)
                {
                    trial[i] = Math.Clamp(x[i] + step * direction[i], lower[i], upper[i]);
                    decrease += g[i] * (trial[i] - x[i]);
                }
                trialValue = f(trial, trialGradient);
                evaluations++;
                if (trialValue <= value + Armijo * decrease)
                {
                    accepted = true;
                    break;
                }
                step *= 0.5;
                if (step < 1e-12)
                    break;
            }
            if (!accepted)
                break;
            var sy = 0.0;
            for (var i = 0; i < n; i++)
                sy += (trial[i] - x[i]) * (trialGradient[i] - g[i]);
            if (sy > 1e-12)
            {
                newest = (newest + 1) % Memory;
                for (var i = 0; i < n; i++)
                {
                    s[newest * n + i] = trial[i] - x[i];
                    y[newest * n + i] = trialGradient[i] - g[i];
                }
                rho[newest] = 1 / sy;
                stored = Math.Min(stored + 1, Memory);
            }
            var converged = value - trialValue <= 1e-12 * Math.Max(1, Math.Abs(value));
            trial.CopyTo(x);
            trialGradient.CopyTo(g, 0);
            value = trialValue;
            if (converged)
                break;
        }
        return value;
    }

    /// <summary>The two-loop recursion over the free variables; variables pinned at a bound get no move.</summary>
    private static void Direction(ReadOnlySpan<double> x, double[] g, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        double[] s, double[] y, double[] rho, double[] alpha, int stored, int newest, double[] direction)
    {
        var n = x.Length;
        for (var i = 0; i < n; i++)
            direction[i] = IsPinned(x[i], g[i], lower[i], upper[i]) ? 0 : -g[i];
        for (var m = 0; m < stored; m++)
        {
            var at = ((newest - m) % Memory + Memory) % Memory;
            var a = 0.0;
            for (var i = 0; i < n; i++)
                a += s[at * n + i] * direction[i];
            a *= rho[at];
            alpha[at] = a;
            for (var i = 0; i < n; i++)
                direction[i] -= a * y[at * n + i];
        }
        if (stored > 0)
        {
            double sy = 0, yy = 0;
            for (var i = 0; i < n; i++)
            {
                sy += s[newest * n + i] * y[newest * n + i];
                yy += y[newest * n + i] * y[newest * n + i];
            }
            var gamma = sy / yy;
            for (var i = 0; i < n; i++)
                direction[i] *= gamma;
        }
        for (var m = stored - 1; m >= 0; m--)
        {
            var at = ((newest - m) % Memory + Memory) % Memory;
            var b = 0.0;
            for (var i = 0; i < n; i++)
                b += y[at * n + i] * direction[i];
            b *= rho[at];
            for (var i = 0; i < n; i++)
                direction[i] += (alpha[at] - b) * s[at * n + i];
        }
        for (var i = 0; i < n; i++)
        {
            if (IsPinned(x[i], g[i], lower[i], upper[i]))
                direction[i] = 0;
        }
    }

    private static bool IsPinned(double x, double g, double lower, double upper) =>
        lower == upper || (x <= lower && g > 0) || (x >= upper && g < 0);

    private static double ProjectedGradientNorm(ReadOnlySpan<double> x, double[] g, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var norm = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!IsPinned(x[i], g[i], lower[i], upper[i]))
                norm = Math.Max(norm, Math.Abs(g[i]));
        }
        return norm;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
