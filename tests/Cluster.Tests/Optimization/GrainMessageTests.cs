using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public sealed class GrainMessageTests
{
    private static StudyState StudyWithHistory()
    {
        var spec = new StudySpec("wire",
            [new ParameterSpec("lr", "float", 1e-4, 1e-1, Log: true), new ParameterSpec("layers", "int", 1, 4), new ParameterSpec("opt", "categorical", Choices: ["adam", "sgd"])],
            [new ObjectiveSpec("loss", "minimize")], "gp", 5);
        var state = Study.Create(spec, 0);
        for (var i = 0; i < 6; i++)
        {
            (state, var trial) = Study.Ask(state);
            if (i < 5)
                state = Study.Tell(state, trial.Id, i == 2 ? TrialReport.Failed() : TrialReport.Completed(1.0 / (i + 1)));
        }
        return state;
    }

    [Fact]
    public void Suggestion_requests_and_suggestions_cross_a_call_intact()
    {
        var request = Study.NextSuggestionRequest(StudyWithHistory());

        var (sent, received) = RuntimeJson.RoundTrip(request);
        var (answer, answerReceived) = RuntimeJson.RoundTrip(Sampler.Suggest(request));

        Assert.Equal(sent, received);
        Assert.Equal(answer, answerReceived);
        Assert.Single(request.Pending);
    }

    [Fact]
    public void Stored_studies_views_specs_and_reports_cross_a_call_intact()
    {
        var state = StudyWithHistory();
        var spec = new StudySpec("s", [new ParameterSpec("c", "categorical", Choices: ["x", "y"])], [new ObjectiveSpec("a", "maximize")], "thompson", 1);

        var (stored, storedBack) = RuntimeJson.RoundTrip(new StoredStudy { Study = state });
        Assert.Equal(stored, storedBack);
        var (view, viewBack) = RuntimeJson.RoundTrip(Study.View(state));
        Assert.Equal(view, viewBack);
        var (specText, specBack) = RuntimeJson.RoundTrip(spec);
        Assert.Equal(specText, specBack);
        var (report, reportBack) = RuntimeJson.RoundTrip(TrialReport.Completed(0.5, 2));
        Assert.Equal(report, reportBack);
    }
}
