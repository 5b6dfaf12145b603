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
    /// capLayers: {order, across_policy}}; PUT (admin) takes {dimensions, capLayers?, expectedVersion?} (capLayers absent:
    /// kept; expectedVersion other than the current version: 409) and answers like GET.
    /// POST /actor-core/resolve {registry?: {dimensions}, capLayers?, outputs: [SubsystemOutput]} → {primary, derived, capsUsed}.
    /// </summary>
    public static void MapActorCoreEndpoints(this RouteGroupBuilder api)
    {
        var actorCore = api.MapGroup("/actor-core");

        actorCore.MapGet("/registry", async (IGrainFactory grains) =>
            TypedResults.Ok(Describe(await Registry(grains).GetAsync())));

        actorCore.MapPut("/registry", async ([FromBody] JsonElement body, IGrainFactory grains) =>
        {
            RequestJson.AllowOnly(body, "dimensions", "capLayers", "expectedVersion");
            var combiner = ActorCoreJson.ParseDimensions(RequestJson.Required(body, "dimensions"), "dimensions");
            var capLayers = RequestJson.Optional(body, "capLayers") is { } layers ? ActorCoreJson.ParseCapLayerRegistry(layers, "capLayers") : null;
            var expectedVersion = RequestJson.Optional(body, "expectedVersion") is { } expected ? ExpectedVersion(expected) : (long?)null;
            return TypedResults.Ok(Describe(await Registry(grains).PutAsync(combiner, capLayers, expectedVersion)));
        }).RequireAdminKey();

        actorCore.MapPost("/resolve", async ([FromBody] JsonElement body, IGrainFactory grains) =>
        {
            RequestJson.AllowOnly(body, "registry", "capLayers", "outputs");
            var dryRun = new ResolveRequest
            {
                Registry = RequestJson.Optional(body, "registry") is { } registry ? ActorCoreJson.ParseCombinerRegistry(registry, "registry") : null,
                CapLayers = RequestJson.Optional(body, "capLayers") is { } layers ? ActorCoreJson.ParseCapLayerRegistry(layers, "capLayers") : null,
                Outputs = ActorCoreJson.ParseOutputs(RequestJson.Required(body, "outputs"), "outputs"),
            };
            var snapshot = await grains.GetGrain<IResolverGrain>(0).ResolveAsync(dryRun);
            return TypedResults.Ok(new { primary = snapshot.Primary, derived = snapshot.Derived, capsUsed = snapshot.CapsUsed });
        });
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
