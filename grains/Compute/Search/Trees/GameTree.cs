namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>Node storage of one search tree: a growable array of <see cref="TreeNode"/> values, root at index 0.</summary>
internal sealed class GameTree
{
    private const int MinimumCapacity = 1024;

    // Preallocating for the whole budget would pin memory for searches that finish early; doubling amortises growth.
    private const int MaximumInitialCapacity = 1 << 20;

    /// <summary>Creates a tree holding only the root, sized for about <paramref name="expectedNodes"/> nodes.</summary>
    public GameTree(long expectedNodes)
    {
        Nodes = new TreeNode[(int)Math.Clamp(expectedNodes, MinimumCapacity, MaximumInitialCapacity)];
        Nodes[0].Upper = TreeNode.Unbounded;
        Count = 1;
    }

    /// <summary>Node array; replaced (never shrunk) when it grows, so re-read it after <see cref="AddChild"/>.</summary>
    public TreeNode[] Nodes { get; private set; }

    /// <summary>Nodes in use.</summary>
    public int Count { get; private set; }

    /// <summary>Creates a child of <paramref name="parent"/> for <paramref name="move"/> and returns its index.</summary>
    public int AddChild(int parent, int move, int parentLegalCount)
    {
        if (Count == Nodes.Length)
        {
            var grown = Nodes;
            Array.Resize(ref grown, checked(Nodes.Length * 2));
            Nodes = grown;
        }

        var index = Count++;
        ref var p = ref Nodes[parent];
        Nodes[index] = new TreeNode { Move = (short)move, NextSibling = p.FirstChild, Statistics = index, Upper = TreeNode.Unbounded };
        p.FirstChild = index;
        p.Tried++;
        p.LegalCount = (byte)parentLegalCount;
        return index;
    }
}
