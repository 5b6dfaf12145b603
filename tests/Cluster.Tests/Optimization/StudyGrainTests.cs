using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Tests.Hosting;
using Xunit;

namespace Cluster.Tests.Optimization;

public sealed class StudyGrainTests
{
    internal static string NewStudyId() => Guid.NewGuid().ToString("N");

    /// <summary>A bandit with one categorical parameter of <paramref name="arms"/> choices, sampled by Thompson sampling.</summary>
    internal static StudySpec Bandit(string name, int arms)
    {
        var choices = new string[arms];
        for (var i = 0; i < arms; i++)
            choices[i] = $"arm-{i}";
        return new StudySpec(name, [new ParameterSpec("arm", "categorical", Choices: choices)], [new ObjectiveSpec("reward", "maximize")], "thompson", 7);
    }

    private static StudySpec Line(string name) =>
        new(name, [new ParameterSpec("x", "float", 0, 1)], [new ObjectiveSpec("loss", "minimize")], "random", 3);

    [Fact]
    public async Task Concurrent_asks_get_distinct_trial_ids_and_distinct_parameters()
    {
        await using var cluster = await TestClusters.StartAsync();
        var study = cluster.GrainFactory.GetGrain<IStudyGrain>(NewStudyId());
        await study.CreateAsync(Bandit("bandit", 6));

        var asks = new Task<Trial>[6];
        for (var i = 0; i < asks.Length; i++)
            asks[i] = study.AskAsync();
        var trials = await Task.WhenAll(asks);

        // Every arm is free while another is running, so six asks that each see the ones before them take six arms.
        Assert.Equal([0, 1, 2, 3, 4, 5], trials.Select(t => t.Id).Order());
        Assert.Equal(6, trials.Select(t => t.Params["arm"].Choice).Distinct().Count());
        var view = await study.GetViewAsync();
        Assert.Equal(6, view.Trials.Count);
        Assert.All(view.Trials, t => Assert.Equal(TrialState.Running, t.State));
    }

    [Fact]
    public async Task A_study_survives_the_grain_s_deactivation()
    {
        await using var cluster = await TestClusters.StartAsync();
        var id = NewStudyId();
        var study = cluster.GrainFactory.GetGrain<IStudyGrain>(id);
        await study.CreateAsync(Line("restart"));
        var first = await study.AskAsync();
        var second = await study.AskAsync();
        await study.TellAsync(first.Id, TrialReport.Completed(0.5));
        var before = JsonSerializer.Serialize(await study.GetViewAsync());

        await cluster.DeactivateAsync(study);
        await cluster.WaitForDeactivationAsync(study);

        study = cluster.GrainFactory.GetGrain<IStudyGrain>(id);
        Assert.Equal(before, JsonSerializer.Serialize(await study.GetViewAsync()));
        await study.TellAsync(second.Id, TrialReport.Completed(0.25));
        Assert.Equal(2, (await study.AskAsync()).Id);
        Assert.Equal(second.Id, (await study.GetBestTrialAsync())!.Id);
    }

    [Fact]
    public async Task Telling_a_finished_trial_throws_and_keeps_the_first_result()
    {
        await using var cluster = await TestClusters.StartAsync();
        var study = cluster.GrainFactory.GetGrain<IStudyGrain>(NewStudyId());
        await study.CreateAsync(Line("twice"));
        var trial = await study.AskAsync();
        await study.TellAsync(trial.Id, TrialReport.Completed(1.5));

        await Assert.ThrowsAsync<TrialAlreadyFinishedException>(() => study.TellAsync(trial.Id, TrialReport.Completed(0.1)));

        Assert.Equal([1.5], (await study.GetViewAsync()).Trials[0].Values);
    }

    [Fact]
    public async Task An_invalid_report_or_unknown_trial_changes_nothing()
    {
        await using var cluster = await TestClusters.StartAsync();
        var study = cluster.GrainFactory.GetGrain<IStudyGrain>(NewStudyId());
        await study.CreateAsync(Line("invalid"));
        var trial = await study.AskAsync();

        var e = await Assert.ThrowsAsync<StudyValidationException>(() => study.TellAsync(trial.Id, TrialReport.Completed(1, 2)));
        await Assert.ThrowsAsync<TrialNotFoundException>(() => study.TellAsync(7, TrialReport.Completed(1)));

        Assert.Equal("values", e.Field);
        var stored = Assert.Single((await study.GetViewAsync()).Trials);
        Assert.Equal(TrialState.Running, stored.State);
    }

    [Fact]
    public async Task Every_call_on_a_study_never_created_throws_study_not_found()
    {
        await using var cluster = await TestClusters.StartAsync();
        var study = cluster.GrainFactory.GetGrain<IStudyGrain>(NewStudyId());

        await Assert.ThrowsAsync<StudyNotFoundException>(study.AskAsync);
        await Assert.ThrowsAsync<StudyNotFoundException>(() => study.TellAsync(0, TrialReport.Completed(1)));
        await Assert.ThrowsAsync<StudyNotFoundException>(study.GetViewAsync);
        await Assert.ThrowsAsync<StudyNotFoundException>(study.GetBestTrialAsync);
    }

    [Fact]
    public async Task Creating_lists_the_study_under_its_name_and_an_invalid_spec_creates_nothing()
    {
        await using var cluster = await TestClusters.StartAsync();
        var name = $"listed-{NewStudyId()}";
        var (good, bad) = (NewStudyId(), NewStudyId());
        await cluster.GrainFactory.GetGrain<IStudyGrain>(good).CreateAsync(Line(name));

        var e = await Assert.ThrowsAsync<StudyValidationException>(() =>
            cluster.GrainFactory.GetGrain<IStudyGrain>(bad).CreateAsync(Line(name) with { Sampler = "annealing" }));

        Assert.Equal("sampler", e.Field);
        Assert.Equal([good], await cluster.GrainFactory.GetGrain<IStudyNameIndexGrain>(name).GetStudyIdsAsync());
        await Assert.ThrowsAsync<StudyNotFoundException>(cluster.GrainFactory.GetGrain<IStudyGrain>(bad).GetViewAsync);
    }

    [Fact]
    public async Task Creating_a_study_that_exists_throws_and_leaves_it_unchanged()
    {
        await using var cluster = await TestClusters.StartAsync();
        var study = cluster.GrainFactory.GetGrain<IStudyGrain>(NewStudyId());
        await study.CreateAsync(Line("first"));
        await study.AskAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => study.CreateAsync(Line("second")));

        var view = await study.GetViewAsync();
        Assert.Equal("first", view.Name);
        Assert.Single(view.Trials);
    }
}
