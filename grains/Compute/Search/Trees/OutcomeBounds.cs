using Cluster.Grains.Compute.Search.Games;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// MCTS-Solver with score bounds (Winands et al. 2008; Cazenave and Saffidine 2010) for two-player games with win,
/// draw and loss: every node carries a proven range of its perfect-play outcome, terminal nodes are exact, and a
/// parent's range follows from its children's by negamax, so proven wins, draws and losses climb the tree. The tree
/// policies skip children that can no longer beat what their parent has already secured, which includes every
/// solved child, so a proven win is played at once and a proven loss is never explored again.
/// </summary>
internal static class OutcomeBounds
{
    /// <summary>What <see cref="LeafOutcome{TState}"/> answers when the result is not certain yet.</summary>
    public const int Unknown = -1;

    /// <summary>
    /// The certain result, in half points for <paramref name="player"/> (who has just moved), of a new leaf: the game
    /// is over, the opponent now to move can connect at once (a loss), or it cannot and <paramref name="player"/>
    /// threatens to connect in two places (a win). <see cref="Unknown"/> otherwise.
    /// </summary>
    public static int LeafOutcome<TState>(in TState state, int player) where TState : struct, ITacticalGameState<TState>
    {
        if (state.IsTerminal)
        {
            return (int)(2 * state.Reward(player));
        }

        if (state.WinningMove(state.PlayerToMove) >= 0)
        {
            return 0;
        }

        return state.WinningMoveCount(player) >= 2 ? TreeNode.Unbounded : Unknown;
    }

    /// <summary>The best outcome, in half points, that the player to move at <paramref name="parent"/> has proven it can reach.</summary>
    public static int Secured(in TreeNode parent) => TreeNode.Unbounded - parent.Upper;

    /// <summary>Whether a child cannot improve on what its parent has <paramref name="secured"/>, so searching it is wasted.</summary>
    public static bool IsPruned(in TreeNode child, int secured) => child.Upper <= secured;

    /// <summary>
    /// Marks the last node of the path, a leaf certainly worth <paramref name="halfPoints"/> to the player who moved into it,
    /// as solved and narrows the ranges of its ancestors (<paramref name="path"/>[0 … depth − 2], then the root) until one
    /// stays unchanged.
    /// </summary>
    public static void SolveLeaf(TreeNode[] nodes, int[] path, int depth, int halfPoints)
    {
        ref var leaf = ref nodes[path[depth - 1]];
        leaf.Lower = (byte)halfPoints;
        leaf.Upper = (byte)halfPoints;
        for (var i = depth - 2; i >= -1; i--)
        {
            if (!Narrow(nodes, i < 0 ? 0 : path[i]))
            {
                return;
            }
        }
    }

    /// <summary>Recomputes a node's range from its children; an untried move may still win for the player to move there.</summary>
    private static bool Narrow(TreeNode[] nodes, int node)
    {
        ref var parent = ref nodes[node];
        var bestLower = 0;
        var bestUpper = parent.Tried < parent.LegalCount ? TreeNode.Unbounded : 0;
        for (var child = parent.FirstChild; child != 0; child = nodes[child].NextSibling)
        {
            ref var c = ref nodes[child];
            bestLower = Math.Max(bestLower, c.Lower);
            bestUpper = Math.Max(bestUpper, c.Upper);
        }

        var lower = (byte)(TreeNode.Unbounded - bestUpper);
        var upper = (byte)(TreeNode.Unbounded - bestLower);
        if (lower == parent.Lower && upper == parent.Upper)
        {
            return false;
        }

        parent.Lower = lower;
        parent.Upper = upper;
        return true;
    }
}
