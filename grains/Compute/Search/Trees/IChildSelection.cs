using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>Tree policy at one node: descend into an existing child or create a new one.</summary>
internal interface IChildSelection
{
    /// <summary>Marker returned by <see cref="Select"/> to create a child for an untried move.</summary>
    const int CreateChild = -1;

    /// <summary>Index of the child to descend into, or <see cref="CreateChild"/>.</summary>
    int Select(TreeNode[] nodes, int node, ref Xoshiro256 rng);
}
