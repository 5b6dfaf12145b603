using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// The operations on a <see cref="StudyState"/>. Every operation is pure: it returns a new state and leaves the
/// given one untouched. A grain asks in two halves so the expensive part can run on a stateless worker:
/// <c>var request = Study.NextSuggestionRequest(state); var suggestion = Sampler.Suggest(request);
/// (state, trial) = Study.Start(state, suggestion);</c> — <see cref="Ask"/> does the three in one call.
/// </summary>
public static class Study
{
    /// <summary>Validates <paramref name="spec"/> and creates an empty study.</summary>
    /// <param name="seedWhenUnspecified">The seed to use when the spec gives none (e.g. a fresh random number).</param>
    /// <exception cref="StudyValidationException">naming the offending field, e.g. <c>parameters[1].low</c>.</exception>
    public static StudyState Create(StudySpec spec, long seedWhenUnspecified)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (space, objectives, sampler) = spec.Validate();
        return new StudyState(spec.Name!, space, objectives, sampler, spec.Seed ?? seedWhenUnspecified, [], null, [], null);
    }

    /// <summary>What the sampler needs for the next trial; its seed depends only on the study seed and the trial id.</summary>
    public static SuggestionRequest NextSuggestionRequest(StudyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var completed = new List<Trial>();
        var pending = new List<IReadOnlyDictionary<string, ParameterValue>>();
        foreach (var trial in state.Trials)
        {
            if (trial.State == TrialState.Complete)
                completed.Add(trial);
            else if (trial.State == TrialState.Running)
                pending.Add(trial.Params);
        }
        return new SuggestionRequest(
            state.Space, state.Objectives, completed, pending, state.Sampler,
            SeedSequence.ForTrial(state.Seed, state.Trials.Count), state.Surrogate);
    }

    /// <summary>Starts a running trial with the suggested parameters.</summary>
    /// <exception cref="StudyValidationException">if the parameters do not fit the space (field <c>params.{name}</c>).</exception>
    public static (StudyState State, Trial Trial) Start(StudyState state, Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(suggestion);
        state.Space.Check(suggestion.Params, "params");
        var trial = new Trial(state.Trials.Count, TrialState.Running, suggestion.Params, []);
        var next = state with
        {
            Trials = Append(state.Trials, trial),
            Surrogate = suggestion.Hyperparameters ?? state.Surrogate,
        };
        return (next, trial);
    }

    /// <summary><c>POST …/trials/ask</c>: suggests and starts the next trial.</summary>
    public static (StudyState State, Trial Trial) Ask(StudyState state) =>
        Start(state, Sampler.Suggest(NextSuggestionRequest(state)));

    /// <summary><c>POST …/trials/{trialId}/tell</c>: records a running trial's result.</summary>
    /// <exception cref="TrialNotFoundException">no such trial.</exception>
    /// <exception cref="TrialAlreadyFinishedException">the trial already has a result.</exception>
    /// <exception cref="StudyValidationException">the report is malformed (field <c>values</c>, <c>values[i]</c> or <c>state</c>).</exception>
    public static StudyState Tell(StudyState state, int trialId, TrialReport report)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(report);
        if (trialId < 0 || trialId >= state.Trials.Count)
            throw new TrialNotFoundException(trialId);
        var running = state.Trials[trialId];
        if (running.State != TrialState.Running)
            throw new TrialAlreadyFinishedException(trialId, running.State);
        var outcome = report.Validate(state.Objectives.Count);
        var finished = running with { State = outcome, Values = outcome == TrialState.Complete ? [.. report.Values!] : [] };
        var trials = new Trial[state.Trials.Count];
        for (var i = 0; i < trials.Length; i++)
            trials[i] = i == trialId ? finished : state.Trials[i];
        var next = state with { Trials = trials };
        if (outcome != TrialState.Complete)
            return next;
        if (state.Objectives.Count > 1)
            return next with { ParetoFront = Pareto.Insert(state.ParetoFront, finished, trials, state.Objectives) };
        return IsBetter(finished, state.BestTrialId is { } bestId ? trials[bestId] : null, state.Objectives[0])
            ? next with { BestTrialId = finished.Id }
            : next;
    }

    public static Trial? Best(StudyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.BestTrialId is { } id ? state.Trials[id] : null;
    }

    public static IReadOnlyList<Trial> ParetoFront(StudyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var front = new Trial[state.ParetoFront.Count];
        for (var i = 0; i < front.Length; i++)
            front[i] = state.Trials[state.ParetoFront[i]];
        return front;
    }

    /// <summary><c>GET /api/v1/studies/{id}</c>.</summary>
    public static StudyView View(StudyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var single = state.Objectives.Count == 1;
        return new StudyView(
            state.Name, state.Sampler, state.Space.Parameters, state.Objectives, state.Trials,
            single ? Best(state) : null,
            single ? null : ParetoFront(state));
    }

    /// <summary>Strictly better only, so the earliest of equally good trials stays best.</summary>
    private static bool IsBetter(Trial candidate, Trial? best, Objective objective) =>
        best is null || objective.ToMinimised(candidate.Values[0]) < objective.ToMinimised(best.Values[0]);

    private static Trial[] Append(IReadOnlyList<Trial> trials, Trial trial)
    {
        var next = new Trial[trials.Count + 1];
        for (var i = 0; i < trials.Count; i++)
            next[i] = trials[i];
        next[^1] = trial;
        return next;
    }
}
