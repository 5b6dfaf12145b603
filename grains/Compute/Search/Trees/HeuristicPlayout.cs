using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// Tactical playouts: win at once when possible, otherwise block the next player's immediate win, otherwise play a
/// random move. Costlier per move than random playouts but far less noisy in games decided by short threats.
/// </summary>
internal readonly struct HeuristicPlayout<TState> : IPlayoutPolicy<TState> where TState : struct, ITacticalGameState<TState>
{
    public void Play(ref TState state, ref Xoshiro256 rng)
    {
        while (!state.IsTerminal)
        {
            var mover = state.PlayerToMove;
            var move = state.WinningMove(mover);
            if (move < 0)
            {
                move = state.WinningMove((mover + 1) % TState.PlayerCount);
            }

            if (move < 0)
            {
                move = state.RandomMove(ref rng);
            }

            state.Apply(move);
        }
    }
}
