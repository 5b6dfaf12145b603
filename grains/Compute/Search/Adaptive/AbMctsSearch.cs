using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>
/// Adaptive Branching MCTS (Inoue et al. 2025, "Wider or Deeper? Scaling LLM Inference-Time Compute with Adaptive
/// Branching Tree Search"), Thompson-sampling variant with node aggregation (AB-MCTS-A). At every node the GEN option
/// (ask the generator for a new child: go wider) competes with the CONT option (refine an existing child: go deeper)
/// by one Thompson draw each from their conjugate posteriors: GEN's evidence is the first scores of the children
/// generated at this node, CONT's the scores found deeper down through them. When CONT wins, the child is picked by
/// Thompson sampling over the children's subtree scores, and the same decision is made there. GEN generates, scores
/// and backs the score up to every ancestor. Each iteration costs exactly one score evaluation.
/// </summary>
public static class AbMctsSearch
{
    /// <summary>Searches from <paramref name="root"/> (the problem, never scored) for the best-scoring candidate.</summary>
    /// <exception cref="SearchValidationException">Invalid options.</exception>
    /// <exception cref="ScoreOutOfRangeException">The problem returned a score the model cannot take.</exception>
    public static AbMctsResult<TNode> Run<TNode, TProblem>(
        TProblem problem, TNode root, AbMctsOptions options, CancellationToken cancellation = default)
        where TProblem : IGenerativeProblem<TNode>
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rng = new Xoshiro256(options.Seed);
        var posterior = new ScorePosterior(options);
        var nodes = new AdaptiveNode[Math.Min(options.Iterations + 1, 4096)];
        var values = new TNode[nodes.Length];
        var siblings = new TNode[16];
        var siblingIndices = new int[16];
        nodes[0] = new AdaptiveNode { Parent = -1 };
        values[0] = root;
        var count = 1;

        var iterations = 0;
        while (iterations < options.Iterations && !cancellation.IsCancellationRequested)
        {
            var node = 0;
            while (true)
            {
                var childCount = nodes[node].ChildCount;
                if (childCount > siblings.Length)
                {
                    Array.Resize(ref siblings, Math.Max(childCount, siblings.Length * 2));
                    Array.Resize(ref siblingIndices, siblings.Length);
                }

                var c = 0;
                for (var child = nodes[node].FirstChild; child != 0; child = nodes[child].NextSibling)
                {
                    siblings[c] = values[child];
                    siblingIndices[c++] = child;
                }

                var children = new ReadOnlySpan<TNode>(siblings, 0, childCount);
                var canGenerate = problem.CanGenerate(values[node], children);
                if (childCount == 0 && !canGenerate)
                {
                    if (node == 0)
                    {
                        // The generator cannot even start: there is nothing to search.
                        return Result(nodes, values, count, iterations);
                    }

                    // A dead end (for example a plan of maximum length): evaluate it again to sharpen its estimate.
                    var again = Checked(problem.Score(values[node], ref rng), options.Model);
                    nodes[node].Own.Add(again);
                    BackUp(nodes, node, again, nodes[node].Parent);
                    break;
                }

                var generate = childCount == 0
                    || (canGenerate && posterior.Sample(nodes[node].Generated, ref rng) > posterior.Sample(nodes[node].Refined, ref rng));
                if (!generate)
                {
                    var choice = 0;
                    var bestDraw = double.NegativeInfinity;
                    for (var i = 0; i < childCount; i++)
                    {
                        var draw = posterior.Sample(nodes[siblingIndices[i]].Subtree, ref rng);
                        if (draw > bestDraw)
                        {
                            bestDraw = draw;
                            choice = siblingIndices[i];
                        }
                    }

                    node = choice;
                    continue;
                }

                var candidate = problem.Generate(values[node], children, ref rng);
                var score = Checked(problem.Score(candidate, ref rng), options.Model);
                if (count == nodes.Length)
                {
                    Array.Resize(ref nodes, count * 2);
                    Array.Resize(ref values, count * 2);
                }

                var created = count++;
                values[created] = candidate;
                ref var parent = ref nodes[node];
                nodes[created] = new AdaptiveNode { Parent = node, Depth = parent.Depth + 1 };
                if (parent.LastChild == 0)
                {
                    parent.FirstChild = created;
                }
                else
                {
                    nodes[parent.LastChild].NextSibling = created;
                }

                parent.LastChild = created;
                parent.ChildCount++;
                parent.Generated.Add(score);
                nodes[created].Own.Add(score);
                BackUp(nodes, created, score, nodes[node].Parent);
                break;
            }

            iterations++;
        }

        return Result(nodes, values, count, iterations);
    }

    private static double Checked(double score, ScoreModel model)
    {
        var valid = model == ScoreModel.Beta ? score is >= 0.0 and <= 1.0 : double.IsFinite(score);
        return valid ? score : throw new ScoreOutOfRangeException(score, model);
    }

    /// <summary>Adds <paramref name="score"/> to the subtree scores of <paramref name="node"/> and its ancestors, and to
    /// the CONT evidence of <paramref name="refinedFrom"/> and its ancestors (those that chose to go deeper).</summary>
    private static void BackUp(AdaptiveNode[] nodes, int node, double score, int refinedFrom)
    {
        for (var n = node; n >= 0; n = nodes[n].Parent)
        {
            nodes[n].Subtree.Add(score);
        }

        for (var n = refinedFrom; n >= 0; n = nodes[n].Parent)
        {
            nodes[n].Refined.Add(score);
        }
    }

    private static AbMctsResult<TNode> Result<TNode>(AdaptiveNode[] nodes, TNode[] values, int count, int iterations)
    {
        var list = new AbMctsNode<TNode>[count];
        var best = 0;
        for (var i = 0; i < count; i++)
        {
            ref var n = ref nodes[i];
            list[i] = new AbMctsNode<TNode>(values[i], n.Parent, n.Depth, n.Own.Count, n.Own.Mean, n.Subtree.Count, n.Subtree.Mean);
            if (i > 0 && (best == 0 || n.Own.Mean > nodes[best].Own.Mean))
            {
                best = i;
            }
        }

        return new AbMctsResult<TNode>(values[best], nodes[best].Own.Mean, best, iterations, list);
    }
}
