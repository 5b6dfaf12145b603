namespace Cluster.Grains.Compute.Search.Games;

/// <summary>A game that can name immediately winning moves: what heuristic playouts and shallow proofs need.</summary>
public interface ITacticalGameState<TState> : IGameState<TState> where TState : struct, ITacticalGameState<TState>
{
    /// <summary>
    /// A move that is legal now and would win at once if <paramref name="player"/> played it, or -1 when there is none.
    /// For the opponent of the side to move this is the square the side to move must block.
    /// </summary>
    int WinningMove(int player);

    /// <summary>How many moves that are legal now would win at once for <paramref name="player"/>. Two or more for the
    /// opponent of the side to move, who cannot win at once, is a win for that opponent: only one can be blocked.</summary>
    int WinningMoveCount(int player);
}
