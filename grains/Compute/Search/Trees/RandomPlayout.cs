using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>Uniformly random moves until the game ends.</summary>
internal readonly struct RandomPlayout<TState> : IPlayoutPolicy<TState> where TState : struct, IGameState<TState>
{
    public void Play(ref TState state, ref Xoshiro256 rng)
    {
        while (!state.IsTerminal)
        {
            state.Apply(state.RandomMove(ref rng));
        }
    }
}
