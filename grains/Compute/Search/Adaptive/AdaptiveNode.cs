namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>Tree bookkeeping of one AB-MCTS node; the candidate itself sits at the same index of the value array.</summary>
internal struct AdaptiveNode
{
    public int Parent;
    public int FirstChild;
    public int LastChild;
    public int NextSibling;
    public int ChildCount;
    public int Depth;

    /// <summary>First scores of the children generated here: the GEN option's evidence (go wider).</summary>
    public ScoreStatistics Generated;

    /// <summary>Scores reached by descending into an existing child (nodes two or more levels below, and re-scored
    /// dead ends below): the CONT option's evidence (go deeper).</summary>
    public ScoreStatistics Refined;

    /// <summary>Every score in this node's subtree, its own included: its parent's evidence for picking it.</summary>
    public ScoreStatistics Subtree;

    /// <summary>This node's own scores.</summary>
    public ScoreStatistics Own;
}
