using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Models;
using Cluster.Grains.Compute.Search.Adaptive;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Agents.Planning;

/// <summary>
/// Plans as an AB-MCTS problem. GEN appends one agent that is neither in the plan nor already tried as this plan's
/// extension, chosen by a Thompson draw of each candidate's own one-step reward, so promising agents are proposed
/// first but every one gets its turn. A plan's score is its reward under one joint draw of all agent parameters
/// from their posteriors, so repeated scores of the same plan spread exactly as our uncertainty about it.
/// </summary>
internal sealed class PlanSearchProblem(AgentModel[] models, int maxLength, PlanObjective objective)
    : IGenerativeProblem<AgentSequence>
{
    private readonly AgentDraw[] _draws = new AgentDraw[models.Length];

    public bool CanGenerate(in AgentSequence parent, ReadOnlySpan<AgentSequence> children)
        => parent.Length < maxLength && children.Length < models.Length - parent.Length;

    public AgentSequence Generate(in AgentSequence parent, ReadOnlySpan<AgentSequence> children, ref Xoshiro256 rng)
    {
        var best = -1;
        var bestReward = double.NegativeInfinity;
        Span<AgentDraw> single = stackalloc AgentDraw[1];
        for (var agent = 0; agent < models.Length; agent++)
        {
            if (parent.Contains(agent) || IsTried(agent, children))
            {
                continue;
            }

            single[0] = models[agent].Sample(ref rng);
            var reward = PlanOutcome.Evaluate(single, objective).Reward;
            if (reward > bestReward)
            {
                bestReward = reward;
                best = agent;
            }
        }

        return parent.Append(best);
    }

    public double Score(in AgentSequence node, ref Xoshiro256 rng)
    {
        for (var i = 0; i < node.Length; i++)
        {
            _draws[node[i]] = models[node[i]].Sample(ref rng);
        }

        return PlanOutcome.Evaluate(node, _draws, objective).Reward;
    }

    private static bool IsTried(int agent, ReadOnlySpan<AgentSequence> children)
    {
        foreach (var child in children)
        {
            if (child.Last == agent)
            {
                return true;
            }
        }

        return false;
    }
}
