using Cluster.Gateway.OpenApi;
using System.Globalization;
using Cluster.Gateway.Endpoints.Studies;
using Cluster.GrainInterfaces.Compute.Optimization;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class StudyEndpoints
{
    /// <summary>
    /// Optimisation studies: create one, ask for trials, tell their results, view the trials with the best one or
    /// the Pareto front. Unknown studies and trials are 404; telling a finished trial is 409.
    /// </summary>
    public static void MapStudyEndpoints(this RouteGroupBuilder api)
    {
        var studies = api.MapGroup("/studies").WithTags("studies");

        studies.MapPost("", async (StudySpec spec, IGrainFactory grains) =>
        {
            // Bad specs are refused here without a grain call; the study grain validates again when it creates the study.
            spec.Validate();
            var studyId = Guid.NewGuid().ToString("N");
            await grains.GetGrain<IStudyGrain>(studyId).CreateAsync(spec);
            return Results.Created($"/api/v1/studies/{studyId}", new CreatedStudy(studyId));
        }).WithSummary("Create an optimisation study").Produces<CreatedStudy>(StatusCodes.Status201Created)
          .WithRequestExample("""{"name":"line","parameters":[{"name":"x","type":"float","low":0,"high":1},{"name":"layers","type":"int","low":1,"high":8},{"name":"optimizer","type":"categorical","choices":["adam","sgd"]}],"objectives":[{"name":"loss","direction":"minimize"}],"sampler":"gp","seed":11}""");

        studies.MapPost("/{studyId}/trials/ask", async (string studyId, IGrainFactory grains) =>
        {
            var trial = await Study(grains, studyId).AskAsync();
            return new AskedTrial(trial.Id, trial.Params);
        }).WithSummary("Ask for the next trial's parameters").WithRequestExample(null, ("studyId", ExampleStudyId));

        studies.MapPost("/{studyId}/trials/{trialId}/tell", async (string studyId, string trialId, TrialReport report, IGrainFactory grains) =>
        {
            var study = Study(grains, studyId);
            if (!int.TryParse(trialId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw new StudyValidationException("trialId", $"'{trialId}' is not a trial id (a non-negative integer).");
            return Results.Ok(await study.TellAsync(id, report));
        }).WithSummary("Tell a trial's result: values (one per objective) or state \"failed\"")
          .WithRequestExample("""{"values":[0.42]}""", ("studyId", ExampleStudyId), ("trialId", "0"));

        studies.MapGet("/{studyId}", async (string studyId, IGrainFactory grains) =>
        {
            var view = await Study(grains, studyId).GetViewAsync();
            return view.ParetoFront is { } front
                ? Results.Ok(new MultiObjectiveStudy(studyId, view.Name, view.Sampler, view.Parameters, view.Objectives, view.Trials, front))
                : Results.Ok(new SingleObjectiveStudy(studyId, view.Name, view.Sampler, view.Parameters, view.Objectives, view.Trials, view.Best));
        }).WithSummary("A study's trials with the best one or the Pareto front").WithRequestExample(null, ("studyId", ExampleStudyId));
    }

    /// <summary>Study ids are issued by <c>POST /studies</c> as 32 hex digits; anything else names no study.</summary>
    /// <summary>Study ids come from POST /studies; the documented examples stand for the one it answered.</summary>
    private const string ExampleStudyId = "4f1c2b7e9a0d4c6e8b3a5d7f9e1c3b5a";

    private static IStudyGrain Study(IGrainFactory grains, string studyId) =>
        Guid.TryParseExact(studyId, "N", out _)
            ? grains.GetGrain<IStudyGrain>(studyId)
            : throw new StudyNotFoundException(studyId);
}
