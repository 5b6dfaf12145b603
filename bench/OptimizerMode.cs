using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;

/// <summary>
/// Optimiser quality and speed: simple regret of the Gaussian-process sampler, random search and (when installed)
/// Optuna's multivariate TPE on Branin (40 trials), Hartmann-6 (60 trials) and Hartmann-6 observed through Gaussian
/// noise (σ = 0.1, 60 trials; scored on the exact value of the reported best), seeds 1 … N; then the latency of an
/// ask on a study with 100 completed trials. Usage: <c>optimizer [--seeds N] [--asks N]</c>.
/// </summary>
public static class OptimizerMode
{
    private const double Noise = 0.1;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seeds = Option(args, "--seeds", 3);
        var asks = Option(args, "--asks", 200);
        var optuna = OptunaTpe.IsAvailable();

        var result = new Dictionary<string, object> { ["mode"] = "optimizer", ["seeds"] = seeds };
        Compare(result, "branin", SyntheticObjectives.Branin, 40, seeds, optuna);
        Compare(result, "hartmann6", SyntheticObjectives.Hartmann6, 60, seeds, optuna);
        Compare(result, "hartmann6_noisy", SyntheticObjectives.Hartmann6.WithNoise(Noise), 60, seeds, optuna);
        var (p50, p99, cpuP50) = AskLatency(SyntheticObjectives.Hartmann6, completed: 100, asks);
        result["ask_p50_ms_100_trials"] = p50;
        result["ask_p99_ms_100_trials"] = p99;
        result["ask_cpu_p50_ms_100_trials"] = cpuP50;
        result["timed_asks"] = asks;
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Adds <c>{key}_{sampler}_median_regret_{trials}</c> and the per-seed regrets of each sampler.</summary>
    private static void Compare(Dictionary<string, object> result, string key, SyntheticObjective objective, int trials, int seeds, bool optuna)
    {
        Record(result, key, "gp", trials, Regrets(objective, "gp", trials, seeds));
        Record(result, key, "random", trials, Regrets(objective, "random", trials, seeds));
        if (optuna)
        {
            var function = objective.Name.Replace("-noisy", "", StringComparison.Ordinal);
            Record(result, key, "optuna_tpe", trials, OptunaTpe.Regrets(function, trials, objective.NoiseStandardDeviation, seeds));
        }
    }

    private static double[] Regrets(SyntheticObjective objective, string sampler, int trials, int seeds)
    {
        var regrets = new double[seeds];
        Parallel.For(0, seeds, s => regrets[s] = objective.SimpleRegret(sampler, trials, s + 1));
        return regrets;
    }

    private static void Record(Dictionary<string, object> result, string key, string sampler, int trials, double[] regrets)
    {
        var sorted = (double[])regrets.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{key} {sampler} {trials} trials: median regret {median:G4} (min {sorted[0]:G3}, max {sorted[^1]:G3})"));
        result[$"{key}_{sampler}_median_regret_{trials}"] = median;
        result[$"{key}_{sampler}_regrets"] = regrets;
    }

    /// <summary>
    /// Builds a study of <paramref name="completed"/> trials with the Gaussian-process sampler, then times asks on it
    /// (each with a different study seed, so each fits and searches afresh from the stored warm start). An ask runs on
    /// one thread, so its CPU time is what it would take on an idle core: the figure to compare on a shared machine.
    /// </summary>
    private static (double P50, double P99, double CpuP50) AskLatency(SyntheticObjective objective, int completed, int asks)
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
        var cpuTimes = new double[asks];
        for (var i = 0; i < asks; i++)
        {
            var seeded = state with { Seed = i };
            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            Study.Ask(seeded);
            times[i] = watch.Elapsed.TotalMilliseconds;
            cpuTimes[i] = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        }
        Array.Sort(times);
        Array.Sort(cpuTimes);
        var p50 = Percentile(times, 0.50);
        var p99 = Percentile(times, 0.99);
        var cpuP50 = Percentile(cpuTimes, 0.50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ask with {completed} completed trials: p50 {p50:F1} ms, p99 {p99:F1} ms, max {times[^1]:F1} ms over {asks} asks; CPU time p50 {cpuP50:F1} ms"));
        return (p50, p99, cpuP50);
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
