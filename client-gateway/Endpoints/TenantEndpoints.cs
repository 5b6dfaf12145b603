using Cluster.Gateway.Endpoints.Tenants;
using Cluster.Gateway.OpenApi;
using Cluster.Gateway.Security;
using Cluster.Grains.Knowledge.Tenants;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Orleans;

namespace Cluster.Gateway.Endpoints;

public static class TenantEndpoints
{
    /// <summary>Tenant ids come from POST /tenants; the documented examples stand for the one it answered.</summary>
    private const string ExampleTenantId = "0b6f1c2d3e4f45a6b7c8d9e0f1a2b3c4";

    private const string ExampleKeyId = "3f9a1c7e5b2d4068";

    /// <summary>
    /// Tenants and their API keys. Creating a tenant takes the admin key; the rest takes the admin key or a key of
    /// that tenant with the manage capability. Another tenant's ids answer 404, never 403.
    /// </summary>
    public static void MapTenantEndpoints(this RouteGroupBuilder api)
    {
        var tenants = api.MapGroup("/tenants").WithTags("tenants");

        tenants.MapPost("", async (CreateTenantRequest request, IGrainFactory grains) =>
        {
            var id = Guid.NewGuid().ToString("N");
            var created = await grains.GetGrain<ITenantGrain>(id).CreateAsync(request.Name ?? string.Empty, request.StorageQuotaBytes);
            return Results.Created($"/api/v1/tenants/{id}", new CreatedTenantResponse(id, created.Tenant.Name, created.FirstKey.ApiKey));
        }).WithSummary("Create a tenant (admin key); the answer holds its first key, shown only once")
          .Produces<CreatedTenantResponse>(StatusCodes.Status201Created)
          .RequireAdminKey()
          .WithRequestExample("""{"name":"Acme support","storageQuotaBytes":1073741824}""");

        var tenant = tenants.MapGroup("/{id}").RequireTenantCapability(TenantCapability.Manage, allowAdmin: true);

        tenant.MapGet("", async (string id, HttpContext http, IGrainFactory grains) =>
            await Tenant(grains, http, id).GetAsync())
            .WithSummary("A tenant with its status and storage usage").WithRequestExample(null, ("id", ExampleTenantId));

        tenant.MapPut("/status", async (string id, TenantStatusRequest request, HttpContext http, IGrainFactory grains) =>
        {
            var grain = Tenant(grains, http, id);
            if (!TenantCaller.From(http).IsAdmin)
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admin key required", detail: "Only the admin key suspends or reactivates tenants.");
            var status = request.Status ?? throw new TenantValidationException("status", "status must be active or suspended.");
            return Results.Ok(await grain.SetStatusAsync(status));
        }).WithSummary("Suspend or reactivate a tenant (admin key): a suspended tenant's keys are refused")
          .WithRequestExample("""{"status":"active"}""", ("id", ExampleTenantId));

        tenant.MapPost("/keys", async (string id, CreateKeyRequest request, HttpContext http, IGrainFactory grains) =>
        {
            var spec = new ApiKeySpec
            {
                Capabilities = request.Capabilities ?? throw new TenantValidationException("capabilities", "capabilities must list at least one of retrieve, ingest, chat, manage."),
                KnowledgeBaseIds = request.KnowledgeBaseIds,
                ExpiresAt = request.ExpiresAt,
            };
            var created = await Tenant(grains, http, id).CreateKeyAsync(spec);
            return Results.Created($"/api/v1/tenants/{id}/keys/{created.Key.Id}", new CreatedKeyResponse(created.Key.Id, created.ApiKey));
        }).WithSummary("Create an API key; the answer holds the key, shown only once (only its hash is kept)")
          .Produces<CreatedKeyResponse>(StatusCodes.Status201Created)
          .WithRequestExample("""{"capabilities":["retrieve","ingest"],"knowledgeBaseIds":["kb-handbook"],"expiresAt":"2030-01-01T00:00:00Z"}""", ("id", ExampleTenantId));

        tenant.MapGet("/keys", async (string id, HttpContext http, IGrainFactory grains) =>
            await Tenant(grains, http, id).ListKeysAsync())
            .WithSummary("The tenant's API keys, without secrets").WithRequestExample(null, ("id", ExampleTenantId));

        tenant.MapDelete("/keys/{keyId}", async (string id, string keyId, HttpContext http, IGrainFactory grains) =>
        {
            var grain = Tenant(grains, http, id);
            if (!ApiKeyFormat.IsKeyId(keyId))
                throw new ApiKeyNotFoundException(keyId);
            await grain.RevokeKeyAsync(keyId);
            return Results.NoContent();
        }).WithSummary("Revoke an API key: it is refused from then on").Produces(StatusCodes.Status204NoContent)
          .WithRequestExample(null, ("id", ExampleTenantId), ("keyId", ExampleKeyId));
    }

    /// <summary>The tenant the caller may address; ids that are not issued ids, or another tenant's, are 404 without a grain call.</summary>
    private static ITenantGrain Tenant(IGrainFactory grains, HttpContext http, string id) =>
        Guid.TryParseExact(id, "N", out _)
            ? grains.GetGrain<ITenantGrain>(TenantCaller.From(http).Tenant(id))
            : throw new TenantNotFoundException(id);

}
