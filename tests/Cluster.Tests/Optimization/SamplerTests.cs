using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class SamplerTests
{
    private static readonly Objective[] Minimise = [new("loss", Direction.Minimize)];

    private static readonly SearchSpace Mixed = Study.Create(new StudySpec("mixed", [
        new ParameterSpec("lr", "float", 1e-4, 1, Log: true),
        new ParameterSpec("width", "int", 1, 16),
        new ParameterSpec("act", "categorical", Choices: ["relu", "tanh", "gelu"]),
    ], [new ObjectiveSpec("loss", "minimize")]), 0).Space;

    private static double MixedLoss(IReadOnlyDictionary<string, ParameterValue> p) =>
        Math.Pow(Math.Log10(p["lr"].Number) + 2, 2) + Math.Abs(p["width"].Number - 6) / 4 + (p["act"].Choice == "gelu" ? 0 : 0.5);

    private static List<Trial> Completed(SearchSpace space, int count, Func<IReadOnlyDictionary<string, ParameterValue>, double> loss)
    {
        var trials = new List<Trial>();
        for (var i = 0; i < count; i++)
        {
            var p = Sampler.Suggest(space, Minimise, [], [], SamplerKind.Random, 1000 + i).Params;
            trials.Add(new Trial(i, TrialState.Complete, p, [loss(p)]));
        }
        return trials;
    }

    [Theory]
    [InlineData(SamplerKind.Random)]
    [InlineData(SamplerKind.GaussianProcess)]
    public void The_same_request_gives_the_same_suggestion(SamplerKind kind)
    {
        var completed = Completed(Mixed, 15, MixedLoss);

        var first = Sampler.Suggest(Mixed, Minimise, completed, [], kind, 7);
        var second = Sampler.Suggest(Mixed, Minimise, completed, [], kind, 7);
        var other = Sampler.Suggest(Mixed, Minimise, completed, [], kind, 8);

        Assert.Equal(first.Params, second.Params);
        Assert.Equal(first.Hyperparameters?.LengthScales, second.Hyperparameters?.LengthScales);
        Assert.NotEqual(first.Params, other.Params);
    }

    [Fact]
    public void A_whole_study_replays_identically_under_the_same_seed()
    {
        static IReadOnlyList<Trial> Run(long seed)
        {
            var state = Study.Create(new StudySpec("replay", [
                new ParameterSpec("lr", "float", 1e-4, 1, Log: true),
                new ParameterSpec("width", "int", 1, 16),
                new ParameterSpec("act", "categorical", Choices: ["relu", "tanh", "gelu"]),
            ], [new ObjectiveSpec("loss", "minimize")], "gp", seed), 0);
            for (var i = 0; i < 15; i++)
            {
                (state, var trial) = Study.Ask(state);
                state = Study.Tell(state, trial.Id, TrialReport.Completed(MixedLoss(trial.Params)));
            }
            return state.Trials;
        }

        var first = Run(5);
        var second = Run(5);

        Assert.Equal(first.Select(t => t.Params), second.Select(t => t.Params));
        Assert.NotEqual(first.Select(t => t.Params), Run(6).Select(t => t.Params));
    }

    [Fact]
    public void Suggestions_stay_inside_a_mixed_space()
    {
        var state = Study.Create(new StudySpec("mixed", [
            new ParameterSpec("lr", "float", 1e-4, 1, Log: true),
            new ParameterSpec("width", "int", 1, 16),
            new ParameterSpec("act", "categorical", Choices: ["relu", "tanh", "gelu"]),
        ], [new ObjectiveSpec("loss", "minimize")], "gp", 1), 0);
        for (var i = 0; i < 25; i++)
        {
            // Start validates every suggestion against the space and throws if one falls outside.
            (state, var trial) = Study.Ask(state);
            state = Study.Tell(state, trial.Id, TrialReport.Completed(MixedLoss(trial.Params)));
        }

        Assert.True(Study.Best(state)!.Values[0] < 0.5, $"best {Study.Best(state)!.Values[0]}");
    }

    [Fact]
    public void Concurrent_gp_asks_get_distinct_suggestions_away_from_completed_trials()
    {
        var space = Study.Create(new StudySpec("bowl", [new ParameterSpec("x", "float", 0, 1), new ParameterSpec("y", "float", 0, 1)],
            [new ObjectiveSpec("loss", "minimize")]), 0).Space;
        var completed = Completed(space, 12, p => Math.Pow(p["x"].Number - 0.6, 2) + Math.Pow(p["y"].Number - 0.4, 2));
        var pending = new List<IReadOnlyDictionary<string, ParameterValue>>();
        GaussianProcessHyperparameters? warm = null;

        for (var ask = 0; ask < 6; ask++)
        {
            var suggestion = Sampler.Suggest(space, Minimise, completed, pending, SamplerKind.GaussianProcess, 100 + ask, warm);
            warm = suggestion.Hyperparameters;
            pending.Add(suggestion.Params);
        }

        var points = pending.Select(p => (p["x"].Number, p["y"].Number)).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var distance = Math.Sqrt(Math.Pow(points[i].Item1 - points[j].Item1, 2) + Math.Pow(points[i].Item2 - points[j].Item2, 2));
                Assert.True(distance > 1e-3, $"asks {j} and {i} are {distance} apart");
            }
        }
    }

    [Fact]
    public void Concurrent_asks_on_a_small_discrete_space_cover_distinct_points()
    {
        var space = Study.Create(new StudySpec("grid", [new ParameterSpec("n", "int", 1, 3), new ParameterSpec("c", "categorical", Choices: ["a", "b"])],
            [new ObjectiveSpec("loss", "minimize")]), 0).Space;
        var completed = new List<Trial>
        {
            new(0, TrialState.Complete, new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Of(1), ["c"] = ParameterValue.Of("a") }, [3.0]),
            new(1, TrialState.Complete, new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Of(3), ["c"] = ParameterValue.Of("b") }, [1.0]),
        };
        var pending = new List<IReadOnlyDictionary<string, ParameterValue>>();

        for (var ask = 0; ask < 4; ask++)
            pending.Add(Sampler.Suggest(space, Minimise, completed, pending, SamplerKind.GaussianProcess, ask).Params);

        var all = completed.Select(t => t.Params).Concat(pending).Select(p => $"{p["n"]}/{p["c"]}").ToList();
        Assert.Equal(6, all.Distinct().Count());
    }

    [Fact]
    public void Thompson_sampling_concentrates_on_the_best_arm()
    {
        var state = Study.Create(new StudySpec("bandit", [new ParameterSpec("prompt", "categorical", Choices: ["a", "b", "c", "d"])],
            [new ObjectiveSpec("reward", "maximize")], "thompson", 4), 0);
        var means = new Dictionary<string, double> { ["a"] = 0.2, ["b"] = 0.5, ["c"] = 0.8, ["d"] = 0.4 };
        var noise = new Random(9);
        for (var i = 0; i < 120; i++)
        {
            (state, var trial) = Study.Ask(state);
            var reward = noise.NextDouble() < means[trial.Params["prompt"].Choice!] ? 1.0 : 0.0;
            state = Study.Tell(state, trial.Id, TrialReport.Completed(reward));
        }

        var lastPulls = state.Trials.Skip(60).Count(t => t.Params["prompt"].Choice == "c");
        Assert.True(lastPulls > 40, $"best arm pulled {lastPulls} of the last 60 times");
    }

    [Fact]
    public void Concurrent_thompson_asks_spread_over_free_arms()
    {
        var state = Study.Create(new StudySpec("bandit", [
            new ParameterSpec("prompt", "categorical", Choices: ["a", "b"]),
            new ParameterSpec("tone", "categorical", Choices: ["x", "y"]),
        ], [new ObjectiveSpec("reward", "maximize")], "thompson", 4), 0);

        var arms = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            (state, var trial) = Study.Ask(state);
            arms.Add($"{trial.Params["prompt"]}/{trial.Params["tone"]}");
        }

        Assert.Equal(4, arms.Distinct().Count());
    }

    [Fact]
    public void Augmented_chebyshev_matches_the_hand_computed_value()
    {
        // max(0.3·0.5, 0.7·0.2) + 0.05·(0.15 + 0.14) = 0.15 + 0.0145.
        Assert.Equal(0.1645, Scalarisation.AugmentedChebyshev([0.5, 0.2], [0.3, 0.7]), 1e-12);
    }

    [Fact]
    public void Multi_objective_gp_study_spreads_along_the_pareto_front()
    {
        var state = Study.Create(new StudySpec("tradeoff", [new ParameterSpec("x", "float", -1, 3)],
            [new ObjectiveSpec("f1", "minimize"), new ObjectiveSpec("f2", "minimize")], "gp", 2), 0);
        for (var i = 0; i < 30; i++)
        {
            (state, var trial) = Study.Ask(state);
            var x = trial.Params["x"].Number;
            state = Study.Tell(state, trial.Id, TrialReport.Completed(x * x, (x - 2) * (x - 2)));
        }

        // The Pareto set of (x², (x−2)²) is x ∈ [0, 2]: the front must lie there and cover it.
        var front = Study.ParetoFront(state).Select(t => t.Params["x"].Number).ToList();
        Assert.All(front, x => Assert.InRange(x, -1e-9, 2 + 1e-9));
        Assert.True(front.Count >= 8, $"only {front.Count} front points");
        Assert.True(front.Min() < 0.3 && front.Max() > 1.7, $"front spans [{front.Min()}, {front.Max()}]");
    }
}
