using System.Diagnostics;
using System.Globalization;
using Cluster.Bench.VisionScheduling;
using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Residency;
using Microsoft.Extensions.Time.Testing;

namespace Cluster.Bench;

/// <summary>
/// The vision engines alone on a synthetic mix (<see cref="SimulatedModel.Mix"/>) over a simulated clock: mean and
/// p99 wait per priority and memory utilisation for the priority queue with priority-weighted LRU against FIFO with
/// plain LRU, on the same arrivals (and the priority queue with plain LRU, to tell the two parts apart); then the wall-clock latency of allocation decisions, in the simulation and on a
/// 64-model catalogue. Usage: <c>vision-scheduling [--minutes M] [--rate JOBS_PER_S] [--seed S] [--budget-gib G] [--load-s-per-gib S]</c>.
/// </summary>
internal static class VisionSchedulingMode
{
    private const long GiB = 1024L * 1024 * 1024;

    public static int Run(string[] args)
    {
        var minutes = BenchOptions.IntOption(args, "--minutes", 30);
        var rate = BenchOptions.IntOption(args, "--rate", 12);
        var seed = BenchOptions.IntOption(args, "--seed", 1);
        var budget = BenchOptions.IntOption(args, "--budget-gib", 24) * GiB;
        var reserve = budget / 16;
        var loadSecondsPerGiB = BenchOptions.Option(args, "--load-s-per-gib") is { } load ? double.Parse(load, CultureInfo.InvariantCulture) : 0.1;
        var arrivals = SimulatedArrival.Stream(seed, rate, TimeSpan.FromMinutes(minutes));
        Console.WriteLine($"{arrivals.Length} jobs over {minutes} simulated minutes at {rate}/s; budget {budget / GiB} GiB, reserve {reserve / (double)GiB:F1} GiB, load {loadSecondsPerGiB} s/GiB");

        var result = new Dictionary<string, object>
        {
            ["mode"] = "vision-scheduling",
            ["jobs"] = arrivals.Length,
            ["simulated_minutes"] = minutes,
            ["rate_per_s"] = rate,
            ["budget_gib"] = budget / GiB,
            ["capacity_gib"] = Round((budget - reserve) / (double)GiB, 3),
            ["load_s_per_gib"] = loadSecondsPerGiB,
        };
        var ours = Simulate(true, true, arrivals, budget, reserve, loadSecondsPerGiB, "ours", result);
        var baseline = Simulate(false, false, arrivals, budget, reserve, loadSecondsPerGiB, "fifo_lru", result);
        Simulate(true, false, arrivals, budget, reserve, loadSecondsPerGiB, "priority_plain_lru", result);
        foreach (var priority in Enum.GetValues<VisionPriority>())
        {
            var key = priority.ToString().ToLowerInvariant();
            result[$"mean_wait_ratio_{key}"] = Round(Mean(ours.WaitsSeconds[priority]) / Mean(baseline.WaitsSeconds[priority]), 3);
        }

        var catalogue = CatalogueDecisionMicros(models: 64, decisions: 200_000, seed);
        result["decision_us_p50_64_models"] = Round(Percentile(catalogue, 0.50), 3);
        result["decision_us_p99_64_models"] = Round(Percentile(catalogue, 0.99), 3);
        return BenchResult.Print(result);
    }

    private static SchedulingSimulation Simulate(bool priorityQueue, bool weightedLru, SimulatedArrival[] arrivals, long budget, long reserve, double loadSecondsPerGiB, string name, Dictionary<string, object> result)
    {
        var simulation = new SchedulingSimulation(priorityQueue, weightedLru, arrivals, budget, reserve, loadSecondsPerGiB);
        simulation.Run();
        var line = new List<string>();
        foreach (var (priority, waits) in simulation.WaitsSeconds)
        {
            if (waits.Count == 0)
                continue;
            var key = priority.ToString().ToLowerInvariant();
            result[$"{name}_mean_wait_s_{key}"] = Round(Mean(waits), 3);
            result[$"{name}_p99_wait_s_{key}"] = Round(Percentile(waits, 0.99), 3);
            line.Add(string.Create(CultureInfo.InvariantCulture, $"{key} mean {Mean(waits):F3} s p99 {Percentile(waits, 0.99):F3} s"));
        }

        var decisions = Micros(simulation.DecisionTicks);
        result[$"{name}_memory_utilisation"] = Round(simulation.MemoryUtilisation, 4);
        result[$"{name}_loads"] = simulation.Loads;
        result[$"{name}_peak_committed_gib"] = Round(simulation.PeakCommittedBytes / (double)GiB, 3);
        result[$"{name}_simulated_s"] = Round(simulation.SimulatedSeconds, 1);
        result[$"{name}_decision_us_p50"] = Round(Percentile(decisions, 0.50), 3);
        result[$"{name}_decision_us_p99"] = Round(Percentile(decisions, 0.99), 3);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {string.Join("; ", line)}; memory {simulation.MemoryUtilisation:P1}, {simulation.Loads} loads, decisions p50 {Percentile(decisions, 0.5):F2} µs p99 {Percentile(decisions, 0.99):F2} µs"));
        return simulation;
    }

    /// <summary>
    /// Load requests against a 64-model catalogue (0.25–4 GiB each on a 24 GiB budget, a tenth pinned), every admitted
    /// load completed at once and every fifth resident model kept in use, so most decisions choose victims.
    /// </summary>
    private static List<double> CatalogueDecisionMicros(int models, int decisions, int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider();
        var book = new ResidencyBook(new ResidencyOptions { BudgetBytes = 24 * GiB, ReserveBytes = GiB }, PriorityWeightedLru.Instance, clock);
        var priorities = Enum.GetValues<VisionPriority>();
        for (var i = 0; i < models; i++)
            book.Register(new ModelSpec($"m{i}", (long)((0.25 + random.NextDouble() * 3.75) * GiB), priorities[random.Next(priorities.Length)], Pinned: i % 10 == 0 && i < 30));

        var ticks = new List<long>(decisions);
        for (var i = 0; i < decisions; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(random.Next(1, 50)));
            var name = $"m{random.Next(models)}";
            var started = Stopwatch.GetTimestamp();
            var decision = book.RequestLoad(name);
            ticks.Add(Stopwatch.GetTimestamp() - started);
            if (decision.Outcome == LoadOutcome.Admitted)
                book.CompleteLoad(name, book.Find(name)!.Bytes);
            if (decision.Outcome is LoadOutcome.Admitted or LoadOutcome.AlreadyResident)
            {
                book.Acquire(name);
                if (random.Next(5) != 0)
                    book.Release(name);
            }
            else if (decision.Outcome == LoadOutcome.Waiting)
            {
                ReleaseAll(book);
            }
        }

        return Micros(ticks);
    }

    /// <summary>Ends every running job, as the executors would; waiting loads admitted on the way complete at once.</summary>
    private static void ReleaseAll(ResidencyBook book)
    {
        var busy = new List<ModelResidency>();
        foreach (var model in book.Models)
        {
            if (model.InUse > 0)
                busy.Add(model);
        }

        foreach (var model in busy)
        {
            while (model.InUse > 0)
            {
                foreach (var admitted in book.Release(model.Name))
                {
                    if (admitted.Outcome == LoadOutcome.Admitted)
                        book.CompleteLoad(admitted.Model, book.Find(admitted.Model)!.Bytes);
                }
            }
        }
    }

    private static List<double> Micros(IReadOnlyList<long> ticks)
    {
        var micros = new List<double>(ticks.Count);
        foreach (var t in ticks)
            micros.Add(t * 1e6 / Stopwatch.Frequency);
        return micros;
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(quantile * sorted.Length) - 1)];
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
