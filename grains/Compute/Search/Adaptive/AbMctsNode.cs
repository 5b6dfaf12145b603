namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>One node of a finished AB-MCTS tree.</summary>
/// <param name="Value">The candidate.</param>
/// <param name="Parent">Index of the parent in <see cref="AbMctsResult{TNode}.Nodes"/>; -1 for the root.</param>
/// <param name="Depth">Generations from the root (the root is 0).</param>
/// <param name="Evaluations">Times this candidate was scored (0 for the root).</param>
/// <param name="MeanScore">Mean of its own scores (0 when never scored).</param>
/// <param name="SubtreeEvaluations">Scores observed in its subtree, its own included.</param>
/// <param name="SubtreeMeanScore">Mean of those scores.</param>
public sealed record AbMctsNode<TNode>(
    TNode Value,
    int Parent,
    int Depth,
    int Evaluations,
    double MeanScore,
    int SubtreeEvaluations,
    double SubtreeMeanScore);
