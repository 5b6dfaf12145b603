using Cluster.Grains.Compute.Search.Games;

namespace Cluster.Tests.Search;

/// <summary>Exact minimax over the whole tic-tac-toe game tree, memoised by position.</summary>
internal sealed class PerfectTicTacToe
{
    private readonly Dictionary<int, int> _values = [];

    /// <summary>Game value for the side to move under perfect play: 1 win, 0 draw, -1 loss.</summary>
    public int Value(TicTacToeState state)
    {
        if (state.IsTerminal)
        {
            return (int)Math.Round(2 * state.Reward(state.PlayerToMove) - 1);
        }

        var key = state.Crosses | (state.Noughts << 9);
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var best = -1;
        Span<int> moves = stackalloc int[9];
        var count = state.LegalMoves(moves);
        for (var i = 0; i < count; i++)
        {
            best = Math.Max(best, ValueAfter(state, moves[i]));
        }

        _values[key] = best;
        return best;
    }

    /// <summary>Value for the side to move of playing <paramref name="move"/>.</summary>
    public int ValueAfter(TicTacToeState state, int move)
    {
        var next = state;
        next.Apply(move);
        return next.IsTerminal ? (int)Math.Round(2 * next.Reward(state.PlayerToMove) - 1) : -Value(next);
    }

    /// <summary>All moves that keep the game value.</summary>
    public List<int> OptimalMoves(TicTacToeState state)
    {
        var value = Value(state);
        var optimal = new List<int>();
        Span<int> moves = stackalloc int[9];
        var count = state.LegalMoves(moves);
        for (var i = 0; i < count; i++)
        {
            if (ValueAfter(state, moves[i]) == value)
            {
                optimal.Add(moves[i]);
            }
        }

        return optimal;
    }
}
