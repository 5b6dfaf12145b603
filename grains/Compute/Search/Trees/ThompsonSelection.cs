using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// AB-MCTS tree policy for games (node-aggregation variant). While untried moves remain, GEN (create a child for a
/// random untried move) competes with CONT (descend into an existing child) by one Thompson draw each; if CONT
/// wins, or every move has been tried, the child is picked by Thompson sampling over the children. All posteriors
/// are Beta(1 + reward, 1 + simulations − reward) for the player choosing here: GEN's evidence is the first
/// simulation of each child created here, CONT's every later simulation through a child, a child's all of its own.
/// Children pruned by <see cref="OutcomeBounds"/> are never descended into; when all tried children are pruned, GEN it is.
/// </summary>
internal readonly struct ThompsonSelection : IChildSelection
{
    public int Select(TreeNode[] nodes, int node, ref Xoshiro256 rng)
    {
        ref var parent = ref nodes[node];
        if (parent.Tried == 0)
        {
            return IChildSelection.CreateChild;
        }

        if (parent.Tried < parent.LegalCount)
        {
            var visits = 0;
            var rewards = 0.0;
            for (var child = parent.FirstChild; child != 0; child = nodes[child].NextSibling)
            {
                ref var statistics = ref nodes[nodes[child].Statistics];
                visits += statistics.Visits;
                rewards += statistics.RewardSum;
            }

            var generated = rng.NextBeta(1.0 + parent.GeneratedRewardSum, 1.0 + parent.Tried - parent.GeneratedRewardSum);
            var refinedRewards = rewards - parent.GeneratedRewardSum;
            var refined = rng.NextBeta(1.0 + refinedRewards, 1.0 + (visits - parent.Tried) - refinedRewards);
            if (generated > refined)
            {
                return IChildSelection.CreateChild;
            }
        }

        var secured = OutcomeBounds.Secured(parent);
        var best = IChildSelection.CreateChild;
        var bestSample = double.NegativeInfinity;
        for (var child = parent.FirstChild; child != 0; child = nodes[child].NextSibling)
        {
            ref var c = ref nodes[child];
            if (OutcomeBounds.IsPruned(c, secured))
            {
                continue;
            }

            ref var s = ref nodes[c.Statistics];
            var sample = rng.NextBeta(1.0 + s.RewardSum, 1.0 + s.Visits - s.RewardSum);
            if (sample > bestSample)
            {
                bestSample = sample;
                best = child;
            }
        }

        return best;
    }
}
