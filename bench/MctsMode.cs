using System.Diagnostics;
using System.Text.Json;
using Cluster.Grains.Compute.Search;
using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;

/// <summary>
/// Game-search throughput and strength: UCT iterations per second (random playouts) on one core and on all cores
/// (root parallelism), for tic-tac-toe and Connect Four from the empty board, and the score of 1,000-iteration UCT
/// against 100-iteration UCT over 200 Connect Four games with alternating first player.
/// </summary>
public static class MctsMode
{
    private const int Runs = 3;
    private const int Games = 200;

    public static int Run(string[] args)
    {
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"mcts: {cores} cores");

        var tictactoe1 = IterationsPerSecond(TicTacToeState.Empty, 1_000_000, 1, "tictactoe");
        var tictactoeAll = IterationsPerSecond(TicTacToeState.Empty, 1_000_000 * cores, cores, "tictactoe");
        var connect41 = IterationsPerSecond(ConnectFourState.Empty, 500_000, 1, "connect4");
        var connect4All = IterationsPerSecond(ConnectFourState.Empty, 500_000 * cores, cores, "connect4");
        var (wins, draws, losses, matchSeconds) = Match();
        var winRate = (wins + 0.5 * draws) / Games;
        Console.WriteLine($"connect4 1000 vs 100 iterations: {wins} wins, {draws} draws, {losses} losses in {matchSeconds:F1} s");

        var summary = new Dictionary<string, object>
        {
            ["tictactoe_iters_per_sec_1core"] = Math.Round(tictactoe1),
            ["tictactoe_iters_per_sec_all_cores"] = Math.Round(tictactoeAll),
            ["connect4_iters_per_sec_1core"] = Math.Round(connect41),
            ["connect4_iters_per_sec_all_cores"] = Math.Round(connect4All),
            ["connect4_win_rate_1000_vs_100"] = Math.Round(winRate, 4),
            ["connect4_match_wins"] = wins,
            ["connect4_match_draws"] = draws,
            ["connect4_match_losses"] = losses,
            ["connect4_match_games"] = Games,
            ["cores"] = cores,
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    /// <summary>Median iterations per second of <see cref="Runs"/> searches after a warm-up.</summary>
    private static double IterationsPerSecond<TState>(TState root, int iterations, int workers, string name)
        where TState : struct, ITacticalGameState<TState>
    {
        Mcts.Search(root, new SearchOptions { Iterations = Math.Max(workers, iterations / 10), Workers = workers, Seed = 99 });
        var rates = new double[Runs];
        for (var run = 0; run < Runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = Mcts.Search(root, new SearchOptions { Iterations = iterations, Workers = workers, Seed = (ulong)run + 1 });
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            rates[run] = result.Iterations / seconds;
        }

        Array.Sort(rates);
        var median = rates[Runs / 2];
        Console.WriteLine($"{name} UCT random playouts, {workers} worker(s): {median:N0} iterations/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))})");
        return median;
    }

    /// <summary>Plays the match on all cores, one game per task; returns the stronger player's record.</summary>
    private static (int Wins, int Draws, int Losses, double Seconds) Match()
    {
        var outcomes = new double[Games];
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, Games, game => outcomes[game] = PlayGame(game));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var wins = outcomes.Count(o => o == 1.0);
        var draws = outcomes.Count(o => o == 0.5);
        return (wins, draws, Games - wins - draws, seconds);
    }

    /// <summary>One game: the 1,000-iteration player moves first in even games. Returns its reward.</summary>
    private static double PlayGame(int game)
    {
        var strongPlayer = game % 2;
        var state = ConnectFourState.Empty;
        var seed = SeedSequence.Derive(2026, game);
        while (!state.IsTerminal)
        {
            var iterations = state.PlayerToMove == strongPlayer ? 1_000 : 100;
            var options = new SearchOptions { Iterations = iterations, Seed = SeedSequence.Derive(seed, state.MoveCount) };
            state.Apply(Mcts.Search(state, options).BestMove);
        }

        return state.Reward(strongPlayer);
    }
}
