using Cluster.Gateway.Endpoints.Vision;
using Cluster.Gateway.OpenApi;
using Cluster.GrainInterfaces.Vision;
using Cluster.Grains.Vision.Preprocessing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class VisionEndpoints
{
    /// <summary>The longest a <c>wait=true</c> submission holds the request open before answering the job as it stands.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>An 8×8 red PNG, the documented example image.</summary>
    private const string ExampleImage = "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mM4ISeHFTEMLQkAkL9BAc9woTwAAAAASUVORK5CYII=";

    private const string ExampleJobId = "MTI3LjAuMC4xOjExMTExQDEvY3B1MA.4f1c2b7e9a0d4c6e8b3a5d7f9e1c3b5a";

    /// <summary>
    /// Vision on the gpu silos: devices with their memory books and queues, the model catalogue (load, unload, pin),
    /// and jobs (classify or embed one image) that run in priority order and in dynamic batches. With no gpu silo up
    /// every call answers 503.
    /// </summary>
    public static void MapVisionEndpoints(this RouteGroupBuilder api)
    {
        
        var vision = api.MapGroup("/vision").WithTags("vision");

        vision.MapGet("/devices", async (IGrainFactory grains) => TypedResults.Ok(await Vision(grains).GetDevicesAsync()))
            .WithSummary("Devices of the gpu silos: memory budget, committed and free, resident models, queue lengths, utilisation");

        vision.MapGet("/models", async (IGrainFactory grains) => TypedResults.Ok(await Vision(grains).GetModelsAsync()))
            .WithSummary("The model catalogue: input shape, tasks, and per device the residency state, measured footprint and load time");

        vision.MapPost("/models/{name}/unload", async (string name, IGrainFactory grains) => TypedResults.Ok(await Vision(grains).UnloadAsync(name)))
            .WithSummary("Unload a model from every gpu device (409 while it is pinned)").WithRequestExample(null, ("name", "resnet18"));

        vision.MapPost("/models/{name}/load", async (string name, IGrainFactory grains) => TypedResults.Ok(await Vision(grains).LoadAsync(name)))
            .WithSummary("Load a model on every gpu device, evicting idle unpinned models by priority-weighted LRU if it does not fit")
            .WithRequestExample(null, ("name", "resnet18"));

        vision.MapPost("/models/{name}/pin", async (string name, PinBody body, IGrainFactory grains) => TypedResults.Ok(await Vision(grains).PinAsync(name, body.Pinned)))
            .WithSummary("Pin (never evicted nor unloaded for idleness) or unpin a model on every gpu device")
            .WithRequestExample("""{"pinned":true}""", ("name", "resnet18"));

        vision.MapPost("/jobs", async (HttpRequest request, bool? wait, IGrainFactory grains, IOptions<JsonOptions> json, RgbDecoder decoder, TimeProvider time) =>
        {
            var job = await VisionJobInput.ReadAsync(request, json, decoder, time);
            var view = await Vision(grains).SubmitAsync(job);
            if (wait != true)
                return Results.Accepted($"/api/v1/vision/jobs/{view.JobId}", view);
            return Results.Ok(await Follow(grains, view.JobId, (manager, id) => manager.WaitAsync(id, MaxWait)));
        }).WithSummary("Submit an image (JSON with base64, or multipart/form-data with a file part 'image'): 202 with the job, or with wait=true its result")
          .Accepts<VisionJobBody>("application/json", "multipart/form-data")
          .Produces<VisionJobView>(StatusCodes.Status202Accepted).Produces<VisionJobView>()
          .WithRequestExample($$"""{"model":"resnet18","task":"embed","image":"{{ExampleImage}}","priority":5,"tenant":"docs"}""", ("wait", "true"));

        vision.MapGet("/jobs/{jobId}", async (string jobId, IGrainFactory grains) =>
                TypedResults.Ok(await Follow(grains, jobId, (manager, id) => manager.GetJobAsync(id))))
            .WithSummary("A job: queued, running, or its result (top 5 classes with scores, or the unit-length embedding)")
            .WithRequestExample(null, ("jobId", ExampleJobId));

        vision.MapDelete("/jobs/{jobId}", async (string jobId, IGrainFactory grains) =>
                TypedResults.Ok(await Follow(grains, jobId, (manager, id) => manager.CancelAsync(id))))
            .WithSummary("Cancel a job that has not started; answers the job either way")
            .WithRequestExample(null, ("jobId", ExampleJobId));
    }

    private static IVisionGrain Vision(IGrainFactory grains) => grains.GetGrain<IVisionGrain>(0);

    /// <summary>Asks the manager the id names; a job moved off a failed device is followed to where it continues.</summary>
    private static async Task<VisionJobView> Follow(IGrainFactory grains, string jobId, Func<IVisionResourceManagerGrain, string, Task<VisionJobView>> ask)
    {
        for (var hop = 0; ; hop++)
        {
            if (!VisionJobId.TryGetManager(jobId, out var manager))
                throw new VisionJobNotFoundException(jobId);
            var view = await ask(grains.GetGrain<IVisionResourceManagerGrain>(manager), jobId);
            if (view.MovedTo is not { } next || hop == 3)
                return view;
            jobId = next;
        }
    }
}
