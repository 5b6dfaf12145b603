namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// One node of a game search tree, stored by value in <see cref="GameTree.Nodes"/> (32 bytes, no per-node object).
/// Statistics are kept from the point of view of the player who made <see cref="Move"/>, i.e. the player to move
/// at the parent, which is the player choosing among these siblings.
/// </summary>
internal struct TreeNode
{
    /// <summary>Most recently added child, or 0 when there is none (the root, index 0, is nobody's child).</summary>
    public int FirstChild;

    /// <summary>Next older sibling, or 0 at the end of the list.</summary>
    public int NextSibling;

    /// <summary>Simulations that passed through this node.</summary>
    public int Visits;

    /// <summary>Move from the parent that leads here.</summary>
    public short Move;

    /// <summary>Children created so far.</summary>
    public byte Tried;

    /// <summary>Legal moves of this node's position, known once the first child has been created (0 before).</summary>
    public byte LegalCount;

    /// <summary>Sum of the rewards, for the player who made <see cref="Move"/>, of every simulation through this node.</summary>
    public double RewardSum;

    /// <summary>Sum of the first-simulation rewards of this node's children (for the player to move here): the evidence on
    /// what creating one more child is worth, used by the AB-MCTS GEN option.</summary>
    public double GeneratedRewardSum;
}
