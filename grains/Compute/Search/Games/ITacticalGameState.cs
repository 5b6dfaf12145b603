namespace Cluster.Grains.Compute.Search.Games;

/// <summary>A game that can name an immediately winning move, which is what heuristic playouts need.</summary>
public interface ITacticalGameState<TState> : IGameState<TState> where TState : struct, ITacticalGameState<TState>
{
    /// <summary>
    /// A move that is legal now and would win at once if <paramref name="player"/> played it, or -1 when there is none.
    /// For the opponent of the side to move this is the square the side to move must block.
    /// </summary>
    int WinningMove(int player);
}
