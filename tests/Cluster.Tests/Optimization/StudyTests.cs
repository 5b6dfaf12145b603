using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class StudyTests
{
    private static StudyState NewStudy(string sampler = "random", params ObjectiveSpec[] objectives) =>
        Study.Create(new StudySpec("study", [new ParameterSpec("x", "float", 0, 1), new ParameterSpec("k", "int", 1, 5)],
            objectives.Length == 0 ? [new ObjectiveSpec("loss", "minimize")] : objectives, sampler, 3), 0);

    [Fact]
    public void Ask_starts_a_running_trial_inside_the_space()
    {
        var (state, trial) = Study.Ask(NewStudy());

        Assert.Equal(0, trial.Id);
        Assert.Equal(TrialState.Running, state.Trials[0].State);
        Assert.InRange(trial.Params["x"].Number, 0, 1);
        Assert.Contains(trial.Params["k"].Number, new[] { 1.0, 2, 3, 4, 5 });
    }

    [Fact]
    public void Tell_completes_the_trial_and_tracks_the_best_for_the_objective_direction()
    {
        var state = NewStudy("random", new ObjectiveSpec("accuracy", "maximize"));
        double[] accuracies = [0.5, 0.9, 0.7, 0.9];
        foreach (var accuracy in accuracies)
        {
            (state, var trial) = Study.Ask(state);
            state = Study.Tell(state, trial.Id, TrialReport.Completed(accuracy));
        }

        Assert.All(state.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(1, Study.Best(state)!.Id);
        var view = Study.View(state);
        Assert.Equal(1, view.Best!.Id);
        Assert.Null(view.ParetoFront);
    }

    [Fact]
    public void Failed_and_pruned_trials_never_become_best()
    {
        var state = NewStudy();
        (state, var first) = Study.Ask(state);
        (state, var second) = Study.Ask(state);
        (state, var third) = Study.Ask(state);

        state = Study.Tell(state, first.Id, TrialReport.Failed());
        state = Study.Tell(state, second.Id, TrialReport.Pruned());
        state = Study.Tell(state, third.Id, TrialReport.Completed(5));

        Assert.Equal(TrialState.Failed, state.Trials[0].State);
        Assert.Equal(TrialState.Pruned, state.Trials[1].State);
        Assert.Equal(2, Study.Best(state)!.Id);
    }

    [Fact]
    public void Telling_an_unknown_trial_is_refused()
    {
        var ex = Assert.Throws<TrialNotFoundException>(() => Study.Tell(NewStudy(), 4, TrialReport.Completed(1)));

        Assert.Equal(4, ex.TrialId);
    }

    [Fact]
    public void Telling_a_finished_trial_twice_is_refused_and_the_first_result_stands()
    {
        var (state, trial) = Study.Ask(NewStudy());
        state = Study.Tell(state, trial.Id, TrialReport.Completed(1));

        Assert.Throws<TrialAlreadyFinishedException>(() => Study.Tell(state, trial.Id, TrialReport.Completed(0)));
        Assert.Equal([1.0], state.Trials[0].Values);
    }

    [Theory]
    [InlineData(new double[] { 1, 2 }, "values")]
    [InlineData(new double[] { double.NaN }, "values[0]")]
    public void Malformed_values_name_the_field(double[] values, string field)
    {
        var (state, trial) = Study.Ask(NewStudy());

        var ex = Assert.Throws<StudyValidationException>(() => Study.Tell(state, trial.Id, new TrialReport(values)));

        Assert.Equal(field, ex.Field);
        Assert.Equal(TrialState.Running, state.Trials[0].State);
    }

    [Fact]
    public void Unknown_report_state_is_named()
    {
        var (state, trial) = Study.Ask(NewStudy());

        Assert.Equal("state", Assert.Throws<StudyValidationException>(() => Study.Tell(state, trial.Id, new TrialReport(null, "done"))).Field);
    }

    [Fact]
    public void Suggested_parameters_outside_the_space_are_refused()
    {
        var state = NewStudy();
        var outside = new Suggestion(new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(0.5), ["k"] = ParameterValue.Of(2.5) }, null);

        Assert.Equal("params.k", Assert.Throws<StudyValidationException>(() => Study.Start(state, outside)).Field);
    }

    [Fact]
    public void Multi_objective_study_keeps_the_pareto_front()
    {
        var state = NewStudy("random", new ObjectiveSpec("cost", "minimize"), new ObjectiveSpec("quality", "maximize"));
        double[][] results = [[3, 0.5], [1, 0.2], [2, 0.9], [2.5, 0.4], [1, 0.2]];
        foreach (var values in results)
        {
            (state, var trial) = Study.Ask(state);
            state = Study.Tell(state, trial.Id, TrialReport.Completed(values));
        }

        var view = Study.View(state);
        Assert.Null(view.Best);
        Assert.Equal([1, 2, 4], view.ParetoFront!.Select(t => t.Id));
        Assert.Equal(Pareto.Front(state.Trials, state.Objectives), state.ParetoFront);
    }

    [Fact]
    public void State_survives_a_json_round_trip_and_then_suggests_exactly_as_before()
    {
        var state = NewStudy("gp");
        for (var i = 0; i < 12; i++)
        {
            (state, var trial) = Study.Ask(state);
            state = Study.Tell(state, trial.Id, TrialReport.Completed(Math.Pow(trial.Params["x"].Number - 0.3, 2) + trial.Params["k"].Number));
        }
        (state, _) = Study.Ask(state);

        var json = JsonSerializer.Serialize(state);
        var restored = JsonSerializer.Deserialize<StudyState>(json)!;

        Assert.Contains("\"Sampler\":\"gp\"", json, StringComparison.Ordinal);
        Assert.Equal(Study.Ask(state).Trial.Params, Study.Ask(restored).Trial.Params);
    }
}
