namespace Cluster.Grains.Compute.Search;

/// <summary>Tree policy of a game search.</summary>
public enum SearchAlgorithm
{
    /// <summary>UCT: UCB1 over the children once every move has been tried.</summary>
    Uct,

    /// <summary>AB-MCTS: Thompson sampling between creating a child (GEN) and descending into an existing one.</summary>
    AbMcts,
}
