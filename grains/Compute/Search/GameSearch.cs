using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search.Games;

namespace Cluster.Grains.Compute.Search;

/// <summary>Runs wire-level <see cref="GameSearchRequest"/>s against the built-in games.</summary>
public static class GameSearch
{
    /// <summary>Validates <paramref name="request"/> and runs all its workers here.</summary>
    /// <exception cref="SearchValidationException">Any invalid field; subclasses name position problems.</exception>
    public static SearchResult Run(GameSearchRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var game = ParseGame(request.Game);
        var options = ToOptions(request);
        return game switch
        {
            GameKind.TicTacToe => Mcts.Search(TicTacToePosition.Parse(request.Position), options, cancellation),
            _ => Mcts.Search(ConnectFourPosition.Parse(request.Position), options, cancellation),
        };
    }

    /// <summary>
    /// Runs worker <paramref name="workerIndex"/> of the request's root-parallel search, so workers can run on
    /// different machines; combine them with <see cref="SearchResult.Merge"/>. Give the request a seed for the
    /// merged result to equal <see cref="Run"/>'s.
    /// </summary>
    public static SearchResult RunWorker(GameSearchRequest request, int workerIndex, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var game = ParseGame(request.Game);
        var options = ToOptions(request);
        return game switch
        {
            GameKind.TicTacToe => Mcts.SearchWorker(TicTacToePosition.Parse(request.Position), options, workerIndex, cancellation),
            _ => Mcts.SearchWorker(ConnectFourPosition.Parse(request.Position), options, workerIndex, cancellation),
        };
    }

    /// <summary>Checks every field without searching (game, position, options, finished game).</summary>
    public static void Validate(GameSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var game = ParseGame(request.Game);
        var options = ToOptions(request);
        switch (game)
        {
            case GameKind.TicTacToe:
                Mcts.Validate(TicTacToePosition.Parse(request.Position), options);
                break;
            default:
                Mcts.Validate(ConnectFourPosition.Parse(request.Position), options);
                break;
        }
    }

    /// <summary>The typed options of a request (validated).</summary>
    public static SearchOptions ToOptions(GameSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new SearchOptions
        {
            Algorithm = ParseAlgorithm(request.Algorithm),
            Playout = ParsePlayout(request.Playout),
            Iterations = request.Iterations,
            TimeLimitMs = request.TimeLimitMs,
            Workers = request.Workers ?? 1,
            Seed = request.Seed,
            Exploration = request.Exploration ?? Math.Sqrt(2),
        };
        options.Validate();
        return options;
    }

    private static GameKind ParseGame(string? game) => game?.ToUpperInvariant() switch
    {
        "TICTACTOE" or "TIC-TAC-TOE" => GameKind.TicTacToe,
        "CONNECT4" or "CONNECT-FOUR" or "CONNECTFOUR" => GameKind.ConnectFour,
        null => throw new SearchValidationException("game", "game is required: 'tictactoe' or 'connect4'."),
        _ => throw new SearchValidationException("game", $"Unknown game '{game}': expected 'tictactoe' or 'connect4'."),
    };

    private static SearchAlgorithm ParseAlgorithm(string? algorithm) => algorithm?.ToUpperInvariant() switch
    {
        null or "UCT" => SearchAlgorithm.Uct,
        "AB-MCTS" or "ABMCTS" => SearchAlgorithm.AbMcts,
        _ => throw new SearchValidationException("algorithm", $"Unknown algorithm '{algorithm}': expected 'uct' or 'ab-mcts'."),
    };

    private static PlayoutKind ParsePlayout(string? playout) => playout?.ToUpperInvariant() switch
    {
        null or "RANDOM" => PlayoutKind.Random,
        "HEURISTIC" => PlayoutKind.Heuristic,
        _ => throw new SearchValidationException("playout", $"Unknown playout '{playout}': expected 'random' or 'heuristic'."),
    };

    private enum GameKind
    {
        TicTacToe,
        ConnectFour,
    }
}
