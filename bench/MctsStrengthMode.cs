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
/// each choose a move in every position with and without proofs (MCTS-Solver); a choice counts when it keeps the
/// perfect-play result. Iterations per second of both searches from the empty board are measured with and without
/// proofs in the same run, interleaved.
/// </summary>
public static class MctsStrengthMode
{
    private const int Seed = 2026;
    private const int MinPlies = 12;
    private const int MaxPlies = 20;
    private const int RateIterations = 200_000;
    private const int RateRuns = 5;

    private static readonly (string Name, SearchAlgorithm Algorithm, PlayoutKind Playout, bool Prove)[] Searches =
    [
        ("uct_plain", SearchAlgorithm.Uct, PlayoutKind.Random, false),
        ("uct_solver", SearchAlgorithm.Uct, PlayoutKind.Random, true),
        ("abmcts_plain", SearchAlgorithm.AbMcts, PlayoutKind.Random, false),
        ("abmcts_solver", SearchAlgorithm.AbMcts, PlayoutKind.Random, true),
        ("uct_solver_heuristic", SearchAlgorithm.Uct, PlayoutKind.Heuristic, true),
        ("abmcts_solver_heuristic", SearchAlgorithm.AbMcts, PlayoutKind.Heuristic, true),
    ];

    /// <summary>Arguments: [positions (default 128)] [iterations per search (default 200000)].</summary>
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 128;
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
        foreach (var search in Searches)
        {
            var (kept, proven, meanIterations, seconds) = Strength(positions, search.Algorithm, search.Playout, search.Prove, iterations);
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
        IReadOnlyList<ScoredPosition> positions, SearchAlgorithm algorithm, PlayoutKind playout, bool prove, int iterations)
    {
        var results = new SearchResult[positions.Count];
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, positions.Count, i =>
        {
            var options = new SearchOptions
            {
                Algorithm = algorithm,
                Playout = playout,
                Iterations = iterations,
                Seed = SeedSequence.Derive(Seed, i),
                ProveOutcomes = prove,
            };
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

    /// <summary>Median single-core iterations per second from the empty board, runs of all four searches interleaved.</summary>
    private static IEnumerable<(string Name, double Rate)> Rates()
    {
        var plain = Searches[..4];
        var rates = new double[plain.Length][];
        for (var s = 0; s < plain.Length; s++)
        {
            rates[s] = new double[RateRuns];
            Mcts.Search(ConnectFourState.Empty, Options(plain[s].Algorithm, plain[s].Prove, RateIterations / 10, 99));
        }

        for (var run = 0; run < RateRuns; run++)
        {
            for (var s = 0; s < plain.Length; s++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = Mcts.Search(ConnectFourState.Empty, Options(plain[s].Algorithm, plain[s].Prove, RateIterations, (ulong)run + 1));
                rates[s][run] = result.Iterations / Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
        }

        for (var s = 0; s < plain.Length; s++)
        {
            Array.Sort(rates[s]);
            var median = rates[s][RateRuns / 2];
            Console.WriteLine($"{plain[s].Name}: {median:N0} iterations/s from the empty board, one core");
            yield return ($"{plain[s].Name}_iters_per_sec_1core", median);
        }
    }

    private static SearchOptions Options(SearchAlgorithm algorithm, bool prove, int iterations, ulong seed)
        => new() { Algorithm = algorithm, Iterations = iterations, Seed = seed, ProveOutcomes = prove };
}
