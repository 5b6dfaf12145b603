namespace Cluster.Gateway.Security;

/// <summary>
/// Rejects API calls without a valid X-API-Key (401) and admin endpoints without the admin key (403). Endpoints that
/// take tenant keys (<see cref="TenantCapabilityRequirement"/>) are left to <see cref="TenantKeyFilter"/>.
/// </summary>
public sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<TenantCapabilityRequirement>() is not null)
            return await next(context);
        var key = http.Request.Headers[ApiKeys.Header].FirstOrDefault();
        if (!keys.IsValid(key))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or invalid API key",
                detail: $"Send a valid key in the {ApiKeys.Header} header.");
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<AdminOnly>() is not null && !keys.IsAdmin(key))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admin key required",
                detail: "This endpoint needs the admin API key.");
        }
        return await next(context);
    }
}

/// <summary>Endpoint metadata: only the admin key may call it.</summary>
public sealed class AdminOnly
{
    public static readonly AdminOnly Instance = new();
}

public static class AdminOnlyExtensions
{
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AdminOnly.Instance);
}
