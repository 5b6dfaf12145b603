namespace Cluster.Grains.Compute.Search;

/// <summary>How simulations finish a game from a new tree node.</summary>
public enum PlayoutKind
{
    /// <summary>Uniformly random moves.</summary>
    Random,

    /// <summary>Win at once if possible, else block the opponent's immediate win, else random.</summary>
    Heuristic,
}
