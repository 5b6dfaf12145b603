using Cluster.GrainInterfaces.Compute.Optimization;
using MathNet.Numerics.Distributions;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Thompson sampling for all-categorical spaces, treating each combination of choices as a bandit arm (or, past
/// <see cref="MaxCombinationArms"/> combinations, each choice of each parameter as an arm of its own bandit).
/// Each arm's mean of the minimised target gets a Normal posterior: a Normal prior centred on the mean of all
/// completed trials weighing as one observation, and a known observation variance estimated from all completed
/// trials (the pooled spread, which errs towards exploration). One draw per arm; the smallest draw wins, skipping
/// arms already running while another arm is free.
/// </summary>
internal static class ThompsonSampler
{
    public const int MaxCombinationArms = 4096;
    private const int Redraws = 16;

    public static IReadOnlyDictionary<string, ParameterValue> Suggest(SuggestionRequest request, TakenPoints running, Random random)
    {
        var space = request.Space;
        var targets = Scalarisation.Targets(request.Completed, request.Objectives, random);
        var (priorMean, variance) = PooledMoments(targets);
        var arms = 1L;
        foreach (var p in space.Parameters)
            arms = Math.Min(arms * p.Choices.Count, MaxCombinationArms + 1L);
        return arms <= MaxCombinationArms
            ? SuggestCombination(request, (int)arms, targets, priorMean, variance, random)
            : SuggestPerParameter(request, running, targets, priorMean, variance, random);
    }

    private static Dictionary<string, ParameterValue> SuggestCombination(SuggestionRequest request, int arms, double[] targets,
        double priorMean, double variance, Random random)
    {
        var space = request.Space;
        var counts = new int[arms];
        var sums = new double[arms];
        for (var i = 0; i < request.Completed.Count; i++)
        {
            var arm = ArmOf(space, request.Completed[i].Params);
            counts[arm]++;
            sums[arm] += targets[i];
        }
        var running = new HashSet<int>();
        foreach (var pending in request.Pending)
            running.Add(ArmOf(space, pending));
        int best = -1, bestFree = -1;
        double bestDraw = double.PositiveInfinity, bestFreeDraw = double.PositiveInfinity;
        for (var arm = 0; arm < arms; arm++)
        {
            var draw = Draw(counts[arm], sums[arm], priorMean, variance, random);
            if (draw < bestDraw)
                (best, bestDraw) = (arm, draw);
            if (draw < bestFreeDraw && !running.Contains(arm))
                (bestFree, bestFreeDraw) = (arm, draw);
        }
        return ParamsOf(space, bestFree >= 0 ? bestFree : best);
    }

    private static IReadOnlyDictionary<string, ParameterValue> SuggestPerParameter(SuggestionRequest request, TakenPoints running,
        double[] targets, double priorMean, double variance, Random random)
    {
        var space = request.Space;
        var counts = new int[space.Parameters.Count][];
        var sums = new double[space.Parameters.Count][];
        for (var p = 0; p < space.Parameters.Count; p++)
        {
            counts[p] = new int[space.Parameters[p].Choices.Count];
            sums[p] = new double[space.Parameters[p].Choices.Count];
        }
        for (var i = 0; i < request.Completed.Count; i++)
        {
            var values = request.Completed[i].Params;
            for (var p = 0; p < space.Parameters.Count; p++)
            {
                var c = ChoiceIndex(space.Parameters[p], values);
                counts[p][c]++;
                sums[p][c] += targets[i];
            }
        }
        var point = new double[UnitCube.Dimensions(space)];
        Dictionary<string, ParameterValue> suggestion = [];
        for (var draw = 0; draw < Redraws; draw++)
        {
            suggestion = new Dictionary<string, ParameterValue>(space.Parameters.Count);
            for (var p = 0; p < space.Parameters.Count; p++)
            {
                var parameter = space.Parameters[p];
                var best = 0;
                var bestDraw = double.PositiveInfinity;
                for (var c = 0; c < parameter.Choices.Count; c++)
                {
                    var value = Draw(counts[p][c], sums[p][c], priorMean, variance, random);
                    if (value < bestDraw)
                        (best, bestDraw) = (c, value);
                }
                suggestion[parameter.Name] = ParameterValue.Of(parameter.Choices[best]);
            }
            UnitCube.Encode(space, suggestion, point);
            if (!running.Contains(point))
                break;
        }
        return suggestion;
    }

    /// <summary>A draw from N((m₀ + Σy)/(1 + n), s²/(1 + n)): the conjugate posterior of the arm's mean.</summary>
    private static double Draw(int count, double sum, double priorMean, double variance, Random random) =>
        Normal.Sample(random, (priorMean + sum) / (1 + count), Math.Sqrt(variance / (1 + count)));

    private static (double Mean, double Variance) PooledMoments(double[] targets)
    {
        if (targets.Length == 0)
            return (0, 1);
        var mean = 0.0;
        foreach (var t in targets)
            mean += t;
        mean /= targets.Length;
        if (targets.Length < 2)
            return (mean, 1);
        var squares = 0.0;
        foreach (var t in targets)
            squares += (t - mean) * (t - mean);
        var variance = squares / (targets.Length - 1);
        return (mean, variance > 0 ? variance : 1);
    }

    private static int ArmOf(SearchSpace space, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var arm = 0;
        foreach (var p in space.Parameters)
            arm = arm * p.Choices.Count + ChoiceIndex(p, values);
        return arm;
    }

    private static Dictionary<string, ParameterValue> ParamsOf(SearchSpace space, int arm)
    {
        var choices = new int[space.Parameters.Count];
        for (var p = choices.Length - 1; p >= 0; p--)
        {
            choices[p] = arm % space.Parameters[p].Choices.Count;
            arm /= space.Parameters[p].Choices.Count;
        }
        var values = new Dictionary<string, ParameterValue>(choices.Length);
        for (var p = 0; p < choices.Length; p++)
            values[space.Parameters[p].Name] = ParameterValue.Of(space.Parameters[p].Choices[choices[p]]);
        return values;
    }

    private static int ChoiceIndex(Parameter parameter, IReadOnlyDictionary<string, ParameterValue> values)
    {
        var choice = values[parameter.Name].Choice;
        for (var c = 0; c < parameter.Choices.Count; c++)
        {
            if (parameter.Choices[c] == choice)
                return c;
        }
        throw new ArgumentException($"'{choice}' is not a choice of parameter '{parameter.Name}'.", nameof(values));
    }
}
