using Cluster.GrainInterfaces.Compute;
using Cluster.Grains.Compute.Agents.Models;
using Cluster.Grains.Compute.Search.Adaptive;
using Cluster.Grains.Compute.Search.Randomness;

namespace Cluster.Grains.Compute.Agents.Planning;

/// <summary>
/// Chooses the agent sequence with the best expected outcome for a task type (outcome model: <see cref="PlanOutcome"/>).
/// AB-MCTS explores plans, scoring each generated plan with a draw from the agents' posteriors (Gaussian score
/// model, since rewards can be negative); the plans it found are then ranked by their exact posterior expected
/// reward, and the confidence is the posterior probability that the winner beats the runner-up.
/// </summary>
public static class AgentPlanner
{
    /// <summary>Joint posterior draws behind <see cref="PlanResult.Confidence"/>.</summary>
    public const int ConfidenceDraws = 4_000;

    /// <summary>Most alternatives reported.</summary>
    public const int MaxAlternatives = 5;

    /// <summary>Plans for <paramref name="request"/> with the learned <paramref name="models"/> (agent name → model of
    /// this task type; missing agents use <paramref name="priors"/>).</summary>
    /// <exception cref="AgentValidationException">Invalid request, or a model of another task type.</exception>
    /// <exception cref="InvalidAgentModelException">A planned agent's model is not a distribution.</exception>
    public static PlanResult Plan(
        PlanRequest request,
        IReadOnlyDictionary<string, AgentModel> models,
        AgentPriors? priors = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        var (agents, maxLength, iterations, objective) = Parse(request);
        var taskType = request.TaskType!;
        var agentModels = new AgentModel[agents.Length];
        for (var i = 0; i < agents.Length; i++)
        {
            agentModels[i] = models.TryGetValue(agents[i], out var model) ? model.Usable() : AgentModel.Prior(agents[i], taskType, priors);
            if (!string.Equals(agentModels[i].TaskType, taskType, StringComparison.Ordinal))
            {
                throw new AgentValidationException(
                    "taskType", $"The model of agent '{agents[i]}' belongs to task type '{agentModels[i].TaskType}', not '{taskType}'.");
            }
        }

        var seed = request.Seed ?? SeedSequence.Fresh();
        var search = AbMctsSearch.Run(
            new PlanSearchProblem(agentModels, maxLength, objective),
            AgentSequence.Empty,
            new AbMctsOptions
            {
                Iterations = iterations,
                Seed = SeedSequence.Derive(seed, 0),
                Model = ScoreModel.Gaussian,
            },
            cancellation);

        // Iterations ≥ 1 always yield a plan, so an empty tree means the search was cancelled before it began.
        cancellation.ThrowIfCancellationRequested();
        var ranked = Rank(search, agentModels, objective);
        var best = ranked[0];
        var confidence = ranked.Count > 1
            ? ProbabilityBeats(best.Plan, ranked[1].Plan, agentModels, objective, SeedSequence.Derive(seed, 1))
            : 1.0;
        var alternatives = new List<PlanAlternative>(Math.Min(MaxAlternatives, ranked.Count - 1));
        for (var i = 1; i < ranked.Count && alternatives.Count < MaxAlternatives; i++)
        {
            alternatives.Add(Describe(ranked[i], agents));
        }

        var described = Describe(best, agents);
        return new PlanResult(
            described.Plan,
            confidence,
            described.ExpectedReward,
            described.SuccessProbability,
            described.ExpectedLatencyMs,
            described.ExpectedCost,
            alternatives,
            search.Iterations,
            ranked.Count);
    }

    /// <summary>Checks every field of <paramref name="request"/> without planning, so callers can refuse bad input early.</summary>
    /// <exception cref="AgentValidationException">The first invalid field.</exception>
    public static void Validate(PlanRequest request) => _ = Parse(request);

    private static (string[] Agents, int MaxLength, int Iterations, PlanObjective Objective) Parse(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        AgentNames.Check(request.TaskType, "taskType");
        if (request.Agents is null || request.Agents.Count == 0)
        {
            throw new AgentValidationException("agents", "agents is required: at least one agent name.");
        }

        if (request.Agents.Count > PlanRequest.MaxAgents)
        {
            throw new AgentValidationException("agents", $"At most {PlanRequest.MaxAgents} agents can be planned over; got {request.Agents.Count}.");
        }

        var agents = new string[request.Agents.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agents.Length; i++)
        {
            var name = request.Agents[i];
            AgentNames.Check(name, $"agents[{i}]");
            if (!seen.Add(name!))
            {
                throw new AgentValidationException($"agents[{i}]", $"Agent '{name}' is listed twice.");
            }

            agents[i] = name!;
        }

        var maxLength = request.MaxLength ?? Math.Min(3, agents.Length);
        if (maxLength < 1 || maxLength > AgentSequence.MaxLength)
        {
            throw new AgentValidationException("maxLength", $"maxLength must be between 1 and {AgentSequence.MaxLength}; got {maxLength}.");
        }

        var iterations = request.Iterations ?? PlanRequest.DefaultIterations;
        if (iterations < 1 || iterations > PlanRequest.MaxIterations)
        {
            throw new AgentValidationException("iterations", $"iterations must be between 1 and {PlanRequest.MaxIterations:N0}; got {iterations}.");
        }

        var objective = request.Objective ?? PlanObjective.Default;
        objective.Validate();
        return (agents, Math.Min(maxLength, agents.Length), iterations, objective);
    }

    /// <summary>Distinct plans of the tree by exact posterior expected reward (ties: shorter, then by agent order).</summary>
    private static List<(AgentSequence Plan, PlanOutcome Outcome)> Rank(
        AbMctsResult<AgentSequence> search, AgentModel[] models, PlanObjective objective)
    {
        var expected = new AgentDraw[models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            expected[i] = models[i].Expected;
        }

        var seen = new HashSet<AgentSequence>();
        var ranked = new List<(AgentSequence Plan, PlanOutcome Outcome)>();
        for (var i = 1; i < search.Nodes.Count; i++)
        {
            var plan = search.Nodes[i].Value;
            if (seen.Add(plan))
            {
                ranked.Add((plan, PlanOutcome.Evaluate(plan, expected, objective)));
            }
        }

        ranked.Sort(static (a, b) =>
        {
            var byReward = b.Outcome.Reward.CompareTo(a.Outcome.Reward);
            if (byReward != 0)
            {
                return byReward;
            }

            return a.Plan.Length != b.Plan.Length ? a.Plan.Length.CompareTo(b.Plan.Length) : Order(a.Plan).CompareTo(Order(b.Plan));
        });
        return ranked;
    }

    // Packed plans store step 0 in the low byte; reversing the bytes makes numeric order follow the steps.
    private static ulong Order(AgentSequence plan) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(plan.Packed);

    /// <summary>Share of joint posterior draws in which <paramref name="plan"/> earns more than <paramref name="rival"/> (ties count half).</summary>
    private static double ProbabilityBeats(
        AgentSequence plan, AgentSequence rival, AgentModel[] models, PlanObjective objective, ulong seed)
    {
        var rng = new Xoshiro256(seed);
        var draws = new AgentDraw[models.Length];
        var wins = 0.0;
        for (var d = 0; d < ConfidenceDraws; d++)
        {
            for (var agent = 0; agent < models.Length; agent++)
            {
                if (plan.Contains(agent) || rival.Contains(agent))
                {
                    draws[agent] = models[agent].Sample(ref rng);
                }
            }

            var mine = PlanOutcome.Evaluate(plan, draws, objective).Reward;
            var theirs = PlanOutcome.Evaluate(rival, draws, objective).Reward;
            wins += mine > theirs ? 1.0 : mine == theirs ? 0.5 : 0.0;
        }

        return wins / ConfidenceDraws;
    }

    private static PlanAlternative Describe((AgentSequence Plan, PlanOutcome Outcome) entry, string[] agents)
    {
        var names = new string[entry.Plan.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = agents[entry.Plan[i]];
        }

        var o = entry.Outcome;
        return new PlanAlternative(names, o.Reward, o.SuccessProbability, o.ExpectedLatencyMs, o.ExpectedCost);
    }
}
