using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;

/// <summary>
/// Optimiser quality and speed: median simple regret of the Gaussian-process sampler against random search on
/// Branin (40 trials) and Hartmann-6 (100 trials) over 10 seeds, and the latency of an ask on a study with 200
/// completed trials. Usage: <c>optimizer [--seeds N] [--asks N]</c>.
/// </summary>
public static class OptimizerMode
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seeds = Option(args, "--seeds", 10);
        var asks = Option(args, "--asks", 200);

        var braninGp = MedianRegret(SyntheticObjectives.Branin, "gp", 40, seeds);
        var braninRandom = MedianRegret(SyntheticObjectives.Branin, "random", 40, seeds);
        var hartmannGp = MedianRegret(SyntheticObjectives.Hartmann6, "gp", 100, seeds);
        var hartmannRandom = MedianRegret(SyntheticObjectives.Hartmann6, "random", 100, seeds);
        var (p50, p99) = AskLatency(SyntheticObjectives.Hartmann6, completed: 200, asks);

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["branin_gp_median_regret_40"] = braninGp,
            ["branin_random_median_regret_40"] = braninRandom,
            ["hartmann6_gp_median_regret_100"] = hartmannGp,
            ["hartmann6_random_median_regret_100"] = hartmannRandom,
            ["ask_p50_ms_200_trials"] = p50,
            ["ask_p99_ms_200_trials"] = p99,
            ["seeds"] = seeds,
            ["timed_asks"] = asks,
        }));
        return 0;
    }

    private static double MedianRegret(SyntheticObjective objective, string sampler, int trials, int seeds)
    {
        var watch = Stopwatch.StartNew();
        var regrets = new double[seeds];
        Parallel.For(0, seeds, s => regrets[s] = objective.SimpleRegret(sampler, trials, s + 1));
        Array.Sort(regrets);
        var median = seeds % 2 == 1 ? regrets[seeds / 2] : 0.5 * (regrets[seeds / 2 - 1] + regrets[seeds / 2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{objective.Name} {sampler} {trials} trials: median regret {median:G4} (min {regrets[0]:G3}, max {regrets[^1]:G3}) in {watch.Elapsed.TotalSeconds:F1} s"));
        return median;
    }

    /// <summary>
    /// Builds a study of <paramref name="completed"/> trials with the Gaussian-process sampler, then times asks on it
    /// (each with a different study seed, so each fits and searches afresh from the stored warm start).
    /// </summary>
    private static (double P50, double P99) AskLatency(SyntheticObjective objective, int completed, int asks)
    {
        var state = Study.Create(new StudySpec(objective.Name, objective.Parameters, [new ObjectiveSpec("value", "minimize")], "gp", 7), 7);
        for (var i = 0; i < completed; i++)
        {
            var (asked, trial) = Study.Ask(state);
            state = Study.Tell(asked, trial.Id, TrialReport.Completed(objective.Evaluate(trial.Params)));
        }
        for (var warm = 0; warm < 10; warm++)
            Study.Ask(state with { Seed = -warm });
        var times = new double[asks];
        for (var i = 0; i < asks; i++)
        {
            var seeded = state with { Seed = i };
            var watch = Stopwatch.StartNew();
            Study.Ask(seeded);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        var p50 = Percentile(times, 0.50);
        var p99 = Percentile(times, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ask with {completed} completed trials: p50 {p50:F1} ms, p99 {p99:F1} ms, max {times[^1]:F1} ms over {asks} asks"));
        return (p50, p99);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
