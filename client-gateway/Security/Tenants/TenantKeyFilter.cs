using Cluster.Grains.Knowledge.Tenants;
using Cluster.GrainInterfaces.Knowledge.Tenants;
using Orleans;

namespace Cluster.Gateway.Security;

/// <summary>
/// Resolves a tenant key (<c>sk-…</c> in X-API-Key) with one grain call and enforces the endpoint's
/// <see cref="TenantCapabilityRequirement"/>: 401 for a missing, unknown, expired or revoked key (or a suspended
/// tenant), 403 for a missing capability, 404 for a <c>{kbId}</c> outside the key's allow-list (as for one that does
/// not exist). The key itself is never logged or sent to a grain: only its SHA-256 travels.
/// </summary>
public sealed class TenantKeyFilter(IGrainFactory grains, ApiKeys keys) : IEndpointFilter
{
    public const string KnowledgeBaseRouteValue = "kbId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var requirement = http.GetEndpoint()?.Metadata.GetMetadata<TenantCapabilityRequirement>()
            ?? throw new InvalidOperationException("TenantKeyFilter runs only on endpoints with RequireTenantCapability(...).");
        var key = http.Request.Headers[ApiKeys.Header].FirstOrDefault();
        if (requirement.AllowsAdmin && keys.IsAdmin(key))
        {
            TenantCaller.Admin.AttachTo(http);
            return await next(context);
        }

        if (!ApiKeyFormat.TryGetKeyId(key, out var keyId)
            || await grains.GetGrain<IApiKeyGrain>(keyId).ResolveAsync(ApiKeyFormat.Hash(key!)) is not { } grant)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or invalid API key",
                detail: $"Send a valid tenant key (sk-…) in the {ApiKeys.Header} header; expired and revoked keys, and keys of suspended tenants, are refused.");
        }

        if (!grant.Has(requirement.Capability))
        {
            var name = requirement.Capability.ToString().ToLowerInvariant();
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"The key lacks the {name} capability",
                detail: $"This endpoint needs a key with the '{name}' capability; a key with 'manage' can create one (POST /api/v1/tenants/{{id}}/keys).");
        }

        if (http.Request.RouteValues.TryGetValue(KnowledgeBaseRouteValue, out var kb) && kb is string kbId && !grant.CanReach(kbId))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"Knowledge base '{kbId}' does not exist.");
        }

        TenantCaller.For(grant).AttachTo(http);
        return await next(context);
    }
}
