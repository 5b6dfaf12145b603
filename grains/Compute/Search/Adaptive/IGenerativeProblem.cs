using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Search.Adaptive;

/// <summary>
/// A problem whose candidate solutions come from a stochastic generator rather than a fixed move list (unbounded
/// branching): an LLM proposing an answer or a refinement, a planner proposing a plan. AB-MCTS decides, node by
/// node, whether to ask the generator for a new child (go wider) or to refine an existing one (go deeper).
/// </summary>
/// <typeparam name="TNode">A candidate solution. The root passed to the search is the problem itself and is never scored.</typeparam>
public interface IGenerativeProblem<TNode>
{
    /// <summary>Whether <see cref="Generate"/> may be called on <paramref name="parent"/>, given the children it already has
    /// (false, for example, when a finite set of extensions is used up).</summary>
    bool CanGenerate(in TNode parent, ReadOnlySpan<TNode> children);

    /// <summary>Samples a new child of <paramref name="parent"/>; <paramref name="children"/> are the ones generated so far.</summary>
    TNode Generate(in TNode parent, ReadOnlySpan<TNode> children, ref Xoshiro256 rng);

    /// <summary>Scores a candidate: in [0, 1] under <see cref="ScoreModel.Beta"/>, any finite number under
    /// <see cref="ScoreModel.Gaussian"/>. May be stochastic; a node that can neither generate nor has children is
    /// scored again when the search reaches it.</summary>
    double Score(in TNode node, ref Xoshiro256 rng);
}
