using Cluster.Gateway.Endpoints.Knowledge;
using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Security;
using Cluster.GrainInterfaces.Knowledge;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class KnowledgeBaseEndpoints
{
    /// <summary>Knowledge-base ids come from POST /knowledge-bases; the documented examples stand for the one it answered.</summary>
    internal const string ExampleKnowledgeBaseId = "0192f3a4b5c67d8e9f0a1b2c3d4e5f60";

    /// <summary>
    /// A tenant's knowledge bases, scoped by its key: creating, changing and deleting take the manage capability,
    /// reading and searching the retrieve capability. Another tenant's knowledge base is 404, as a missing one.
    /// </summary>
    public static void MapKnowledgeBaseEndpoints(this RouteGroupBuilder api)
    {
        var bases = api.MapGroup("/knowledge-bases").WithTags("knowledge bases");

        bases.MapPost("", async (KnowledgeBaseSpec spec, HttpContext http, IGrainFactory grains) =>
        {
            var valid = spec.Validate();
            var id = Guid.CreateVersion7().ToString("N");
            var created = await grains.GetGrain<ITenantKnowledgeBaseGrain>(id).CreateAsync(TenantOf(http), valid);
            return Results.Created($"/api/v1/knowledge-bases/{id}", created);
        }).WithSummary("Create a knowledge base (manage capability); chunking, embedding and weights are optional")
          .Produces<KnowledgeBaseView>(StatusCodes.Status201Created)
          .RequireTenantCapability(TenantCapability.Manage)
          .WithRequestExample("""{"name":"Support handbook","description":"How we answer customers","chunking":{"size":800,"overlap":100},"embedding":{"provider":"local"}}""");

        bases.MapGet("", async (HttpContext http, IGrainFactory grains) =>
        {
            var caller = TenantCaller.From(http);
            var all = await grains.GetGrain<IKnowledgeCatalogGrain>(caller.TenantId!).ListAsync();
            var reachable = new List<KnowledgeBaseView>(all.Count);
            foreach (var kb in all)
            {
                if (caller.CanReach(kb.Id))
                    reachable.Add(kb);
            }
            return new KnowledgeBaseList(reachable);
        }).WithSummary("The knowledge bases the key reaches (retrieve capability)")
          .RequireTenantCapability(TenantCapability.Retrieve);

        bases.MapGet("/{kbId}", async (string kbId, HttpContext http, IGrainFactory grains) =>
            await KnowledgeBase(grains, kbId).GetAsync(TenantOf(http)))
            .WithSummary("A knowledge base with its settings and version (retrieve capability)")
            .RequireTenantCapability(TenantCapability.Retrieve)
            .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId));

        bases.MapPatch("/{kbId}", async (string kbId, KnowledgeBasePatch patch, HttpContext http, IGrainFactory grains) =>
            await KnowledgeBase(grains, kbId).UpdateAsync(TenantOf(http), patch.Validate()))
            .WithSummary("Change a knowledge base's settings (manage capability); a new embedding model re-embeds in the background and switches at once when done")
            .RequireTenantCapability(TenantCapability.Manage)
            .WithRequestExample("""{"description":"How we answer customers, 2026 edition","weights":{"keyword":1,"vector":1}}""", ("kbId", ExampleKnowledgeBaseId));

        bases.MapDelete("/{kbId}", async (string kbId, HttpContext http, IGrainFactory grains) =>
        {
            await KnowledgeBase(grains, kbId).DeleteAsync(TenantOf(http));
            return Results.NoContent();
        }).WithSummary("Delete a knowledge base with its documents (manage capability); their storage is released")
          .Produces(StatusCodes.Status204NoContent)
          .RequireTenantCapability(TenantCapability.Manage)
          .WithRequestExample(null, ("kbId", ExampleKnowledgeBaseId));

        bases.MapPost("/{kbId}/search", async (string kbId, SearchBody body, HttpContext http, IGrainFactory grains) =>
        {
            var request = body.ToRequest();
            var response = await KnowledgeBase(grains, kbId).SearchAsync(TenantOf(http), request, http.RequestAborted);
            return new SearchResults(response.Results, response.Version);
        }).WithSummary("Search a knowledge base: hybrid (default), keyword (BM25) or vector (retrieve capability)")
          .RequireTenantCapability(TenantCapability.Retrieve)
          .WithRequestExample("""{"query":"how do I reset a password","topK":5,"mode":"hybrid"}""", ("kbId", ExampleKnowledgeBaseId));
    }

    internal static string TenantOf(HttpContext http) => TenantCaller.From(http).TenantId!;

    /// <summary>Knowledge-base ids are 32 hex digits; anything else names none, without a grain call.</summary>
    internal static ITenantKnowledgeBaseGrain KnowledgeBase(IGrainFactory grains, string kbId) =>
        IsKnowledgeBaseId(kbId) ? grains.GetGrain<ITenantKnowledgeBaseGrain>(kbId) : throw new KnowledgeBaseNotFoundException(kbId);

    internal static bool IsKnowledgeBaseId(string id) => Guid.TryParseExact(id, "N", out _);
}
