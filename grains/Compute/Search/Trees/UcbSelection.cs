using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>UCT tree policy: try every move once, then maximise UCB1 = mean + c·√(ln N / n) over the children that
/// <see cref="OutcomeBounds"/> has not pruned.</summary>
internal readonly struct UcbSelection(double exploration) : IChildSelection
{
    public int Select(TreeNode[] nodes, int node, ref Xoshiro256 rng)
    {
        ref var parent = ref nodes[node];
        if (parent.Tried == 0 || parent.Tried < parent.LegalCount)
        {
            return IChildSelection.CreateChild;
        }

        var logVisits = Math.Log(nodes[parent.Statistics].Visits);
        var secured = OutcomeBounds.Secured(parent);
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var child = parent.FirstChild; child != 0; child = nodes[child].NextSibling)
        {
            ref var c = ref nodes[child];
            if (OutcomeBounds.IsPruned(c, secured))
            {
                continue;
            }

            ref var statistics = ref nodes[c.Statistics];
            var inverseVisits = 1.0 / statistics.Visits;
            var score = statistics.RewardSum * inverseVisits + exploration * Math.Sqrt(logVisits * inverseVisits);
            if (score > bestScore)
            {
                bestScore = score;
                best = child;
            }
        }

        return best;
    }
}
