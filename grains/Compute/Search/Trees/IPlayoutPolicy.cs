using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>Default policy: plays a position out to the end of the game.</summary>
internal interface IPlayoutPolicy<TState> where TState : struct, IGameState<TState>
{
    void Play(ref TState state, ref Xoshiro256 rng);
}
