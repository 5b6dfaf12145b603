using Orleans;

namespace Cluster.Grains.Compute.Search;

/// <summary>A legal position in which the game is already over, so there is no move to search for.</summary>
[GenerateSerializer]
[Alias("Compute.Search.FinishedGameException")]
public sealed class FinishedGameException : SearchValidationException
{
    /// <summary>Creates the exception; <paramref name="winner"/> is the winning player, or -1 for a draw.</summary>
    public FinishedGameException(int winner, string message)
        : base("position", message)
    {
        Winner = winner;
    }

    /// <summary>Winning player (0 moved first), or -1 when the game ended in a draw.</summary>
    [Id(0)]
    public int Winner { get; }
}
