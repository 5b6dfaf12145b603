using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Games;

/// <summary>
/// A game position the tree searches can explore. Implement it on a small struct: copying the struct is the cheap
/// copy of a position, and the searches are generic over <typeparamref name="TState"/> so every call below is a
/// direct (inlinable) call rather than an interface dispatch.
/// </summary>
/// <remarks>Moves are integers in the game's own notation; they must fit in 16 bits.</remarks>
public interface IGameState<TState> where TState : struct, IGameState<TState>
{
    /// <summary>Number of players; players are numbered from 0 and player 0 moves first.</summary>
    static abstract int PlayerCount { get; }

    /// <summary>Upper bound on the number of legal moves in any position (at most 255).</summary>
    static abstract int MaxMoves { get; }

    /// <summary>Player whose turn it is.</summary>
    int PlayerToMove { get; }

    /// <summary>A number that identifies the position: equal for equal positions however they were reached, different otherwise.</summary>
    ulong Key { get; }

    /// <summary>True once the game has ended (a win or a draw).</summary>
    bool IsTerminal { get; }

    /// <summary>Writes the legal moves into <paramref name="moves"/> (at least <see cref="MaxMoves"/> long) and returns their count.</summary>
    int LegalMoves(Span<int> moves);

    /// <summary>Whether <paramref name="move"/> may be played now.</summary>
    bool IsLegal(int move);

    /// <summary>Plays a legal move for <see cref="PlayerToMove"/>. Unchecked: the searches only pass legal moves.</summary>
    void Apply(int move);

    /// <summary>A uniformly random legal move of a non-terminal position (the random-playout step).</summary>
    int RandomMove(ref Xoshiro256 rng);

    /// <summary>Reward of <paramref name="player"/> in a terminal position: 1 win, 0.5 draw, 0 loss.</summary>
    double Reward(int player);
}
