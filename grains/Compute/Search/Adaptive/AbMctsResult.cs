namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>Outcome of an AB-MCTS run.</summary>
/// <param name="Best">Highest mean-scored candidate (ties: the earlier one); the root when nothing was generated.</param>
/// <param name="BestScore">Its mean score.</param>
/// <param name="BestIndex">Its index in <paramref name="Nodes"/>.</param>
/// <param name="Iterations">Score evaluations made.</param>
/// <param name="Nodes">The whole tree, root first, parents before children.</param>
public sealed record AbMctsResult<TNode>(
    TNode Best,
    double BestScore,
    int BestIndex,
    int Iterations,
    IReadOnlyList<AbMctsNode<TNode>> Nodes);
