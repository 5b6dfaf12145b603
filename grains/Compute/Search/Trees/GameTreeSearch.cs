using System.Diagnostics;
using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Search.Games;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Trees;

/// <summary>
/// The Monte Carlo tree search loop shared by UCT and AB-MCTS: select with <typeparamref name="TSelection"/> until
/// a child is created or the game ends, play out with <typeparamref name="TPlayout"/>, back up the rewards. When
/// <c>prove</c> is set, new leaves whose result is already certain (see <see cref="OutcomeBounds.LeafOutcome{TState}"/>)
/// are backed up as proofs by <see cref="OutcomeBounds"/> instead of being played out, and the search stops as soon as
/// the root's outcome is proven. When <c>shareTranspositions</c> is set, nodes of the same position share their
/// statistics. Generic over structs so the JIT compiles one specialised loop per game and policy, without per-step
/// dispatch or allocation.
/// </summary>
internal static class GameTreeSearch
{
    // How many iterations run between clock and cancellation checks.
    private const int CheckInterval = 64;

    /// <summary>Runs one tree until <paramref name="iterationLimit"/> iterations or the <paramref name="deadline"/>
    /// (a <see cref="Stopwatch"/> timestamp), or until the root is solved, and returns the root's children.</summary>
    public static SearchResult Run<TState, TPlayout, TSelection>(
        in TState root,
        TPlayout playout,
        TSelection selection,
        long iterationLimit,
        long deadline,
        ulong seed,
        bool prove,
        bool shareTranspositions,
        CancellationToken cancellation)
        where TState : struct, ITacticalGameState<TState>
        where TPlayout : struct, IPlayoutPolicy<TState>
        where TSelection : struct, IChildSelection
    {
        var started = Stopwatch.GetTimestamp();
        var rng = new Xoshiro256(seed);
        var expectedNodes = iterationLimit == long.MaxValue ? 0 : iterationLimit + 1;
        var tree = new GameTree(expectedNodes);
        var positions = shareTranspositions ? new PositionIndex(expectedNodes) : null;
        Span<int> moves = stackalloc int[TState.MaxMoves];
        Span<double> rewards = stackalloc double[TState.PlayerCount];
        var pathNodes = new int[64];
        var pathMovers = new int[64];
        prove &= TState.PlayerCount == 2;

        long iterations = 0;
        while (iterations < iterationLimit)
        {
            // A time budget always buys one iteration, so that a worker started late still has a move to answer.
            if (iterations % CheckInterval == 0
                && (cancellation.IsCancellationRequested || (iterations > 0 && Stopwatch.GetTimestamp() >= deadline)))
            {
                break;
            }

            if (prove && tree.Nodes[0].IsSolved)
            {
                break;
            }

            var state = root;
            var node = 0;
            var depth = 0;
            var createdUnder = -1;
            while (!state.IsTerminal)
            {
                var mover = state.PlayerToMove;
                var child = selection.Select(tree.Nodes, node, ref rng);
                if (child == IChildSelection.CreateChild)
                {
                    var legalCount = state.LegalMoves(moves);

                    // Only the root can have a winning move here: any other node with one was proven when it was created.
                    var move = prove && tree.Nodes[node].Tried == 0 ? state.WinningMove(mover) : -1;
                    if (move < 0)
                    {
                        move = UntriedMove(tree.Nodes, node, moves[..legalCount], ref rng);
                    }

                    child = tree.AddChild(node, move, legalCount);
                    createdUnder = node;
                }

                if (depth == pathNodes.Length)
                {
                    Array.Resize(ref pathNodes, depth * 2);
                    Array.Resize(ref pathMovers, depth * 2);
                }

                pathNodes[depth] = child;
                pathMovers[depth] = mover;
                depth++;
                state.Apply(tree.Nodes[child].Move);
                node = child;
                if (createdUnder >= 0)
                {
                    if (positions is not null)
                    {
                        tree.Nodes[child].Statistics = positions.FindOrAdd(state.Key, child);
                    }

                    break;
                }
            }

            var proven = prove && depth > 0 ? OutcomeBounds.LeafOutcome(state, pathMovers[depth - 1]) : OutcomeBounds.Unknown;
            if (proven != OutcomeBounds.Unknown)
            {
                // A proven leaf is worth its exact result: no playout noise, and it never needs another visit.
                OutcomeBounds.SolveLeaf(tree.Nodes, pathNodes, depth, proven);
                var moverIn = pathMovers[depth - 1];
                rewards[moverIn] = 0.5 * proven;
                rewards[1 - moverIn] = 1.0 - rewards[moverIn];
            }
            else
            {
                playout.Play(ref state, ref rng);
                for (var player = 0; player < rewards.Length; player++)
                {
                    rewards[player] = state.Reward(player);
                }
            }

            var nodes = tree.Nodes;
            nodes[0].Visits++;
            for (var i = 0; i < depth; i++)
            {
                ref var n = ref nodes[nodes[pathNodes[i]].Statistics];
                n.Visits++;
                n.RewardSum += rewards[pathMovers[i]];
            }

            if (createdUnder >= 0)
            {
                nodes[createdUnder].GeneratedRewardSum += rewards[pathMovers[depth - 1]];
            }

            iterations++;
        }

        return RootResult(tree, iterations, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A uniformly random legal move that has no child yet; <paramref name="legal"/> is used as scratch.</summary>
    private static int UntriedMove(TreeNode[] nodes, int node, Span<int> legal, ref Xoshiro256 rng)
    {
        var count = legal.Length;
        for (var child = nodes[node].FirstChild; child != 0; child = nodes[child].NextSibling)
        {
            var move = nodes[child].Move;
            for (var i = 0; i < count; i++)
            {
                if (legal[i] == move)
                {
                    legal[i] = legal[--count];
                    break;
                }
            }
        }

        return legal[rng.NextInt(count)];
    }

    private static SearchResult RootResult(GameTree tree, long iterations, double elapsedMs)
    {
        var nodes = tree.Nodes;
        var children = new List<MoveStatistics>(nodes[0].Tried);
        for (var child = nodes[0].FirstChild; child != 0; child = nodes[child].NextSibling)
        {
            ref var c = ref nodes[child];
            ref var statistics = ref nodes[c.Statistics];
            children.Add(new MoveStatistics(c.Move, statistics.Visits, statistics.RewardSum / statistics.Visits, 0.5 * c.Lower, 0.5 * c.Upper));
        }

        return SearchResult.FromChildren(children, iterations, elapsedMs);
    }
}
