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
        var studies = api.MapGroup("/studies");

        studies.MapPost("", async (StudySpec spec, IGrainFactory grains) =>
        {
            // Bad specs are refused here without a grain call; the study grain validates again when it creates the study.
            spec.Validate();
            var studyId = Guid.NewGuid().ToString("N");
            await grains.GetGrain<IStudyGrain>(studyId).CreateAsync(spec);
            return Results.Created($"/api/v1/studies/{studyId}", new CreatedStudy(studyId));
        });

        studies.MapPost("/{studyId}/trials/ask", async (string studyId, IGrainFactory grains) =>
        {
            var trial = await Study(grains, studyId).AskAsync();
            return new AskedTrial(trial.Id, trial.Params);
        });

        studies.MapPost("/{studyId}/trials/{trialId}/tell", async (string studyId, string trialId, TrialReport report, IGrainFactory grains) =>
        {
            var study = Study(grains, studyId);
            if (!int.TryParse(trialId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw new StudyValidationException("trialId", $"'{trialId}' is not a trial id (a non-negative integer).");
            return Results.Ok(await study.TellAsync(id, report));
        });

        studies.MapGet("/{studyId}", async (string studyId, IGrainFactory grains) =>
        {
            var view = await Study(grains, studyId).GetViewAsync();
            return view.ParetoFront is { } front
                ? Results.Ok(new MultiObjectiveStudy(studyId, view.Name, view.Sampler, view.Parameters, view.Objectives, view.Trials, front))
                : Results.Ok(new SingleObjectiveStudy(studyId, view.Name, view.Sampler, view.Parameters, view.Objectives, view.Trials, view.Best));
        });
    }

    /// <summary>Study ids are issued by <c>POST /studies</c> as 32 hex digits; anything else names no study.</summary>
    private static IStudyGrain Study(IGrainFactory grains, string studyId) =>
        Guid.TryParseExact(studyId, "N", out _)
            ? grains.GetGrain<IStudyGrain>(studyId)
            : throw new StudyNotFoundException(studyId);
}
