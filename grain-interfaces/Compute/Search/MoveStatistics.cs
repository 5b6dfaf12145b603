using Orleans;

namespace Cluster.GrainInterfaces.Compute;

/// <summary>Search statistics of one root move.</summary>
/// <param name="Move">The move in the game's notation (tic-tac-toe cell 0–8, Connect Four column 1–7).</param>
/// <param name="Visits">Simulations that started with this move.</param>
/// <param name="Value">Mean reward of those simulations for the side to move at the root, in [0, 1] (1 win, 0.5 draw, 0 loss).</param>
/// <param name="Lower">Proven lower bound of the move's outcome under perfect play, on the same scale; 0 when nothing is proven.</param>
/// <param name="Upper">Proven upper bound of the move's outcome under perfect play; 1 when nothing is proven. The move is
/// solved when it equals <paramref name="Lower"/>.</param>
[GenerateSerializer]
[Alias("Compute.MoveStatistics")]
[Immutable]
public sealed record MoveStatistics(int Move, long Visits, double Value, double Lower = 0, double Upper = 1)
{
    /// <summary>Whether the move's outcome under perfect play is known exactly.</summary>
    public bool IsSolved => Lower == Upper;
}
