using Cluster.Gateway.OpenApi;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cluster.Gateway.Endpoints.Actors;
using Cluster.Gateway.Security;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Orleans;
using Microsoft.AspNetCore.Mvc;

namespace Cluster.Gateway.Endpoints;

public static class ActorCoreEndpoints
{
    /// <summary>
    /// The registries actors resolve with, and dry runs. Registry documents keep the spec's snake_case inside
    /// camelCase envelopes:
    /// GET /actor-core/registry → {version, updatedAt, dimensions: {name: {use_pipeline, operator?, clamp_default: {min, max}}},
    /// capLayers: {order, across_policy}}; PUT (admin) takes {dimensions, capLayers?, expectedVersion?} (at least one
    /// dimension; capLayers absent: kept; expectedVersion other than the current version: 409) and answers like GET plus
    /// changes: {since, added, removed, changed, capLayersChanged} against the version read just before.
    /// POST /actor-core/resolve {registry?: {dimensions}, capLayers?, outputs | actorId} → {primary, derived, capsUsed}:
    /// the given outputs, or a stored actor's, resolved with a candidate registry; nothing is stored.
    /// </summary>
    public static void MapActorCoreEndpoints(this RouteGroupBuilder api)
    {
        var actorCore = api.MapGroup("/actor-core").WithTags("actor registries");

        actorCore.MapGet("/registry", async (IGrainFactory grains) =>
            TypedResults.Ok(Describe(await Registry(grains).GetAsync())))
            .WithSummary("The current registries (snake_case, Registry.schema.json and CapLayerRegistry.schema.json)")
            .WithRequestExample(null);

        actorCore.MapPut("/registry", async ([FromBody] JsonElement body, IGrainFactory grains) =>
        {
            RequestJson.AllowOnly(body, "dimensions", "capLayers", "expectedVersion");
            var combiner = ActorCoreJson.ParseDimensions(RequestJson.Required(body, "dimensions"), "dimensions");
            var capLayers = RequestJson.Optional(body, "capLayers") is { } layers ? ActorCoreJson.ParseCapLayerRegistry(layers, "capLayers") : null;
            var expectedVersion = RequestJson.Optional(body, "expectedVersion") is { } expected ? ExpectedVersion(expected) : (long?)null;
            var registry = Registry(grains);
            var before = await registry.GetAsync();
            var after = await registry.PutAsync(combiner, capLayers, expectedVersion);
            var answer = Describe(after);
            answer["changes"] = JsonSerializer.SerializeToNode(RegistryChanges.Between(before, after), JsonSerializerOptions.Web);
            return TypedResults.Ok(answer);
        }).RequireAdminKey()
          .WithSummary("Replace the combiner registry (admin); answers the new version and what changed")
          .WithRequestExample("""{"dimensions":{"strength":{"use_pipeline":true,"clamp_default":{"min":0,"max":1000}},"crit_rate":{"use_pipeline":true,"clamp_default":{"min":0,"max":1}},"move_speed":{"use_pipeline":true,"clamp_default":{"min":0,"max":5}}}}""");

        actorCore.MapPost("/resolve", async ([FromBody] JsonElement body, IGrainFactory grains) =>
        {
            RequestJson.AllowOnly(body, "registry", "capLayers", "outputs", "actorId");
            var dryRun = new ResolveRequest
            {
                Registry = RequestJson.Optional(body, "registry") is { } registry ? ActorCoreJson.ParseCombinerRegistry(registry, "registry") : null,
                CapLayers = RequestJson.Optional(body, "capLayers") is { } layers ? ActorCoreJson.ParseCapLayerRegistry(layers, "capLayers") : null,
                Outputs = await OutputsAsync(body, grains),
            };
            var snapshot = await grains.GetGrain<IResolverGrain>(0).ResolveAsync(dryRun);
            return TypedResults.Ok(new { primary = snapshot.Primary, derived = snapshot.Derived, capsUsed = snapshot.CapsUsed });
        }).WithSummary("Dry run: resolve outputs, or a stored actor's, with a candidate registry; stores nothing")
          .WithRequestExample("""{"registry":{"dimensions":{"strength":{"use_pipeline":true,"clamp_default":{"min":0,"max":25}}}},"actorId":"aria"}""");
    }

    /// <summary>The outputs to resolve: given in the body, or those of the stored actor named by actorId.</summary>
    private static async Task<IReadOnlyList<SubsystemOutput>> OutputsAsync(JsonElement body, IGrainFactory grains)
    {
        if (RequestJson.Optional(body, "actorId") is not { } actorId)
            return ActorCoreJson.ParseOutputs(RequestJson.Required(body, "outputs"), "outputs");
        if (RequestJson.Optional(body, "outputs") is not null)
            throw new InvalidRequestException("actorId", "give either outputs or actorId, not both");
        var id = RequestJson.Text(actorId, "actorId");
        ActorInput.ValidateKey(id, "actorId");
        return await grains.GetGrain<IActorGrain>(id).GetOutputsAsync();
    }

    private static IRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey);

    private static long ExpectedVersion(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var version) && version >= 0
            ? version
            : throw new InvalidRequestException("expectedVersion", $"{value.GetRawText()} is not a registry version (an integer ≥ 0)");

    private static JsonObject Describe(RegistryRevision revision) => new()
    {
        ["version"] = revision.Version,
        ["updatedAt"] = revision.UpdatedAt,
        ["dimensions"] = JsonSerializer.SerializeToNode(revision.Combiner.Dimensions, ActorCoreJson.Options),
        ["capLayers"] = JsonSerializer.SerializeToNode(revision.CapLayers, ActorCoreJson.Options),
    };
}
