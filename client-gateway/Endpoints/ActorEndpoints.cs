using Cluster.Gateway.OpenApi;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.Gateway.Endpoints.Actors;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Orleans;
using Microsoft.AspNetCore.Mvc;

namespace Cluster.Gateway.Endpoints;

public static class ActorEndpoints
{
    /// <summary>
    /// Game actors: their profile, their subsystems' outputs (snake_case, SubsystemOutput.schema.json), their
    /// resolved snapshots, and context modifiers. Ids, subsystem and context names match <see cref="KeyName.Pattern"/>.
    /// </summary>
    public static void MapActorEndpoints(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("actors");

        actors.MapPut("/{id}", async (string id, [FromBody] JsonElement body, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            var profile = RequestJson.Read<ActorPutRequest>(body).ToProfile();
            var actor = await grains.GetGrain<IActorGrain>(id).PutAsync(profile);
            return actor.Version == 1 ? Results.Created($"/api/v1/actors/{id}", actor) : Results.Ok(actor);
        }).WithSummary("Create an actor or replace its profile")
          .Produces<ActorRecord>(StatusCodes.Status201Created).Produces<ActorRecord>()
          .WithRequestExample("""{"name":"Aria","race":"human","lifespan":80,"age":30}""", ("id", "aria"));

        actors.MapGet("/{id}", async (string id, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            return TypedResults.Ok(await grains.GetGrain<IActorGrain>(id).GetAsync());
        }).WithSummary("An actor's profile").WithRequestExample(null, ("id", "aria"));

        actors.MapDelete("/{id}", async (string id, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            await grains.GetGrain<IActorGrain>(id).DeleteAsync();
            return Results.NoContent();
        }).WithSummary("Delete an actor and its subsystem outputs").Produces(StatusCodes.Status204NoContent).WithRequestExample(null, ("id", "aria"));

        actors.MapPut("/{id}/subsystems/{system}", async (string id, string system, [FromBody] JsonElement body, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            ActorInput.ValidateKey(system, "system");
            var output = ActorCoreJson.ParseOutput(WithMetaSystem(body, system), string.Empty);
            var version = await grains.GetGrain<IActorGrain>(id).PutSubsystemAsync(system, output);
            return TypedResults.Ok(new { version });
        }).WithSummary("Store a subsystem's output (SubsystemOutput.schema.json: snake_case, UPPER_CASE buckets and modes, lowercase cap kinds)")
          .WithRequestExample("""{"primary":[{"dimension":"strength","bucket":"FLAT","value":40,"system":"items"}],"derived":[{"dimension":"crit_rate","bucket":"FLAT","value":0.1,"system":"items"}],"caps":[{"system":"items","dimension":"strength","mode":"HARD_MAX","kind":"max","value":30}],"context":{"combat":{"additive_percent":0.5,"multipliers":[2],"post_add":1}},"meta":{"system":"items"}}""", ("id", "aria"), ("system", "items"));

        actors.MapDelete("/{id}/subsystems/{system}", async (string id, string system, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            ActorInput.ValidateKey(system, "system");
            var version = await grains.GetGrain<IActorGrain>(id).DeleteSubsystemAsync(system);
            return TypedResults.Ok(new { version });
        }).WithSummary("Remove a subsystem's output").WithRequestExample(null, ("id", "aria"), ("system", "items"));

        actors.MapGet("/{id}/snapshot", async (string id, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            var snapshot = await grains.GetGrain<IActorGrain>(id).GetSnapshotJsonAsync();
            return TypedResults.Bytes(snapshot.Utf8, "application/json; charset=utf-8");
        }).Produces<ActorSnapshot>().WithSummary("An actor's resolved snapshot (camelCase)").WithRequestExample(null, ("id", "aria"));

        actors.MapPost("/snapshots/batch", async ([FromBody] JsonElement body, IGrainFactory grains) =>
        {
            var ids = RequestJson.Read<SnapshotBatchRequest>(body).Validate();
            var reads = new Task<ActorSnapshot?>[ids.Count];
            for (var i = 0; i < reads.Length; i++)
            {
                reads[i] = SnapshotOrNull(grains.GetGrain<IActorGrain>(ids[i]));
            }

            return TypedResults.Ok(new { snapshots = await Task.WhenAll(reads) });
        }).WithSummary("Snapshots of up to 1,000 actors; a missing actor reads as null")
          .WithRequestExample("""{"actorIds":["aria","nobody"]}""");

        actors.MapPost("/{id}/contexts/{context}/apply", async (string id, string context, [FromBody] JsonElement body, IGrainFactory grains) =>
        {
            ActorInput.ValidateKey(id, "id");
            ActorInput.ValidateKey(context, "context");
            var baseValue = RequestJson.Read<ContextApplyRequest>(body).Validate();
            var value = await grains.GetGrain<IActorGrain>(id).ApplyContextAsync(context, baseValue);
            return TypedResults.Ok(new { value });
        }).WithSummary("Apply an actor's context modifiers to a base value")
          .WithRequestExample("""{"baseValue":10}""", ("id", "aria"), ("context", "combat"));
    }

    /// <summary>A missing actor reads as null in a batch, in its place, rather than failing the batch.</summary>
    private static async Task<ActorSnapshot?> SnapshotOrNull(IActorGrain actor)
    {
        try
        {
            return await actor.GetSnapshotAsync();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Fills meta.system from the URL when the body leaves it out; a different one is an error.</summary>
    private static JsonElement WithMetaSystem(JsonElement body, string system)
    {
        RequestJson.RequireObject(body, "$");
        var meta = RequestJson.Optional(body, "meta");
        if (meta is { } given)
        {
            RequestJson.RequireObject(given, "meta");
            if (RequestJson.Optional(given, "system") is { } named)
            {
                if (RequestJson.Text(named, "meta.system") != system)
                {
                    throw new InvalidRequestException("meta.system", $"{named.GetRawText()} does not name the subsystem '{system}' of the URL");
                }

                return body;
            }
        }

        var root = JsonObject.Create(body)!;
        var filled = meta is { } m ? JsonObject.Create(m)! : new JsonObject();
        filled["system"] = system;
        root["meta"] = filled;
        return JsonSerializer.SerializeToElement(root);
    }
}
