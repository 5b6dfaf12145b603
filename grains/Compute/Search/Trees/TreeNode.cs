namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// One node of a game search tree, stored by value in <see cref="GameTree.Nodes"/> (no per-node object).
/// Statistics and proven bounds are kept from the point of view of the player who made <see cref="Move"/>, i.e. the
/// player to move at the parent, which is the player choosing among these siblings.
/// </summary>
internal struct TreeNode
{
    /// <summary>The upper bound of a node about which nothing is proven: a win in half points.</summary>
    public const byte Unbounded = 2;

    /// <summary>Most recently added child, or 0 when there is none (the root, index 0, is nobody's child).</summary>
    public int FirstChild;

    /// <summary>Next older sibling, or 0 at the end of the list.</summary>
    public int NextSibling;

    /// <summary>
    /// The node that keeps the statistics (<see cref="Visits"/>, <see cref="RewardSum"/>) of this node's position: itself,
    /// or the first node created for the same position when transpositions are shared. Proven bounds and the AB-MCTS
    /// GEN evidence stay with each node.
    /// </summary>
    public int Statistics;

    /// <summary>Simulations that passed through this node's position (read and written through <see cref="Statistics"/>).</summary>
    public int Visits;

    /// <summary>Move from the parent that leads here.</summary>
    public short Move;

    /// <summary>Children created so far.</summary>
    public byte Tried;

    /// <summary>Legal moves of this node's position, known once the first child has been created (0 before).</summary>
    public byte LegalCount;

    /// <summary>Proven lower bound of the perfect-play outcome in half points (0 loss, 1 draw, 2 win); 0 when nothing is proven.</summary>
    public byte Lower;

    /// <summary>Proven upper bound of the perfect-play outcome in half points; <see cref="Unbounded"/> until something is proven.
    /// The node is solved when it equals <see cref="Lower"/>.</summary>
    public byte Upper;

    /// <summary>Sum of the rewards, for the player who made <see cref="Move"/>, of every simulation through this node.</summary>
    public double RewardSum;

    /// <summary>Sum of the first-simulation rewards of this node's children (for the player to move here): the evidence on
    /// what creating one more child is worth, used by the AB-MCTS GEN option.</summary>
    public double GeneratedRewardSum;

    /// <summary>Whether the perfect-play outcome of this node is known exactly.</summary>
    public readonly bool IsSolved => Lower == Upper;
}
