using System.Text.Json;
using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class HttpShapeTests
{
    [Fact]
    public void Create_body_binds_to_a_study_spec()
    {
        const string body = """
            {"name":"tune","parameters":[{"name":"lr","type":"float","low":0.0001,"high":0.1,"log":true},
              {"name":"layers","type":"int","low":1,"high":4},{"name":"opt","type":"categorical","choices":["adam","sgd"]}],
             "objectives":[{"name":"loss","direction":"minimize"},{"name":"speed","direction":"maximize"}],"sampler":"gp","seed":5}
            """;

        var state = Study.Create(JsonSerializer.Deserialize<StudySpec>(body, JsonSerializerOptions.Web)!, 0);

        Assert.Equal(3, state.Space.Parameters.Count);
        Assert.Equal(Direction.Maximize, state.Objectives[1].Direction);
        Assert.Equal(5, state.Seed);
    }

    [Fact]
    public void Tell_bodies_bind_to_trial_reports()
    {
        var state = Study.Create(new StudySpec("s", [new ParameterSpec("x", "float", 0, 1)], [new ObjectiveSpec("loss", "minimize")]), 1);
        (state, var first) = Study.Ask(state);
        (state, var second) = Study.Ask(state);

        state = Study.Tell(state, first.Id, JsonSerializer.Deserialize<TrialReport>("""{"values":[0.25]}""", JsonSerializerOptions.Web)!);
        state = Study.Tell(state, second.Id, JsonSerializer.Deserialize<TrialReport>("""{"state":"failed"}""", JsonSerializerOptions.Web)!);

        Assert.Equal(TrialState.Complete, state.Trials[0].State);
        Assert.Equal(TrialState.Failed, state.Trials[1].State);
    }

    [Fact]
    public void Trials_serialise_params_as_plain_numbers_and_strings()
    {
        var trial = new Trial(3, TrialState.Running, new Dictionary<string, ParameterValue> { ["lr"] = ParameterValue.Of(0.01), ["opt"] = ParameterValue.Of("adam") }, []);

        var json = JsonSerializer.Serialize(trial, JsonSerializerOptions.Web);

        Assert.Equal("""{"id":3,"state":"running","params":{"lr":0.01,"opt":"adam"},"values":[]}""", json);
    }
}
