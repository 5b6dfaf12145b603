using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;
using Cluster.PerfectPlay;

/// <summary>
/// Game-search strength against perfect play: a seeded set of Connect Four positions (12–20 plies, the side to move
/// does not lose, some move gives the result away) is scored move by move by the perfect solver, then UCT and AB-MCTS
/// each choose a move in every position, plain (Monte Carlo statistics alone), with proofs (MCTS-Solver, the default)
/// and with proofs and shared transposition statistics; a choice counts when it keeps the perfect-play result. Iterations per second of
/// every variant from the empty board are measured in the same run, interleaved.
/// </summary>
public static class MctsStrengthMode
{
    private const int Seed = 2026;
    private const int MinPlies = 12;
    private const int MaxPlies = 20;
    private const int RateIterations = 200_000;
    private const int RateRuns = 5;
    private const int DefaultPositions = 128;

    // Plain: Monte Carlo statistics alone, as before MCTS-Solver. Unsuffixed: the defaults, with proofs. Transpositions:
    // proofs and statistics shared between transposed positions.
    private static readonly Variant[] Searches =
    [
        new("uct_plain", SearchAlgorithm.Uct, false, false),
        new("uct", SearchAlgorithm.Uct, true, false),
        new("uct_transpositions", SearchAlgorithm.Uct, true, true),
        new("abmcts_plain", SearchAlgorithm.AbMcts, false, false),
        new("abmcts", SearchAlgorithm.AbMcts, true, false),
        new("abmcts_transpositions", SearchAlgorithm.AbMcts, true, true),
    ];

    /// <summary>Arguments: [positions (default 128)] [iterations per search (default 200000)] [comma-separated variants
    /// whose strength to measure (default all; every search is seeded, so a variant's figure repeats exactly)].</summary>
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultPositions;
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var cores = Environment.ProcessorCount;

        var started = Stopwatch.GetTimestamp();
        var solver = new ConnectFourSolver();
        var positions = ProbePositions.Generate(count, Seed, MinPlies, MaxPlies, solver);
        var solveSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var wins = 0;
        foreach (var position in positions)
        {
            wins += position.Value == Outcome.Win ? 1 : 0;
        }

        Console.WriteLine($"mcts-strength: {positions.Count} positions ({wins} won, {positions.Count - wins} drawn) scored in {solveSeconds:F1} s, {solver.Nodes:N0} solver nodes");

        var summary = new Dictionary<string, object>
        {
            ["mode"] = "mcts-strength",
            ["positions"] = positions.Count,
            ["won_positions"] = wins,
            ["iterations"] = iterations,
            ["seed"] = Seed,
        };
        var measured = args.Length > 2 ? args[2].Split(',') : null;
        foreach (var search in Searches)
        {
            if (measured is not null && Array.IndexOf(measured, search.Name) < 0)
            {
                continue;
            }

            var (kept, proven, meanIterations, seconds) = Strength(positions, search, iterations);
            var percent = 100.0 * kept / positions.Count;
            Console.WriteLine($"{search.Name}: kept {kept}/{positions.Count} ({percent:F1}%), root proven in {proven}, {meanIterations:N0} iterations on average, {seconds:F1} s");
            summary[$"{search.Name}_kept_percent"] = Math.Round(percent, 1);
            summary[$"{search.Name}_root_proven"] = proven;
        }

        foreach (var (name, rate) in Rates())
        {
            summary[name] = Math.Round(rate);
        }

        summary["cores"] = cores;
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    /// <summary>Searches every position on all cores; returns how many choices kept the result and how many roots were proven.</summary>
    private static (int Kept, int Proven, double MeanIterations, double Seconds) Strength(
        IReadOnlyList<ScoredPosition> positions, Variant search, int iterations)
    {
        var results = new SearchResult[positions.Count];
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, positions.Count, i =>
        {
            var options = Options(search, iterations, SeedSequence.Derive(Seed, i));
            results[i] = Mcts.Search(ConnectFourPosition.Parse(positions[i].Moves), options);
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var kept = 0;
        var proven = 0;
        long total = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            kept += positions[i].Keeps(results[i].BestMove) ? 1 : 0;
            proven += results[i].Children.Count > 0 && results[i].Children[0].IsSolved && results[i].Iterations < iterations ? 1 : 0;
            total += results[i].Iterations;
        }

        return (kept, proven, (double)total / positions.Count, seconds);
    }

    /// <summary>Median single-core iterations per second from the empty board, runs of all searches interleaved.</summary>
    private static IEnumerable<(string Name, double Rate)> Rates()
    {
        var searches = Searches;
        var rates = new double[searches.Length][];
        for (var s = 0; s < searches.Length; s++)
        {
            rates[s] = new double[RateRuns];
            Mcts.Search(ConnectFourState.Empty, Options(searches[s], RateIterations / 10, 99));
        }

        for (var run = 0; run < RateRuns; run++)
        {
            for (var s = 0; s < searches.Length; s++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = Mcts.Search(ConnectFourState.Empty, Options(searches[s], RateIterations, (ulong)run + 1));
                rates[s][run] = result.Iterations / Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
        }

        for (var s = 0; s < searches.Length; s++)
        {
            Array.Sort(rates[s]);
            var median = rates[s][RateRuns / 2];
            Console.WriteLine($"{searches[s].Name}: {median:N0} iterations/s from the empty board, one core");
            yield return ($"{searches[s].Name}_iters_per_sec_1core", median);
        }
    }

    private static SearchOptions Options(Variant search, int iterations, ulong seed)
        => new()
        {
            Algorithm = search.Algorithm,
            Iterations = iterations,
            Seed = seed,
            ProveOutcomes = search.Prove,
            ShareTranspositions = search.Transpositions,
        };

    private sealed record Variant(string Name, SearchAlgorithm Algorithm, bool Prove, bool Transpositions);
}
