namespace Cluster.Gateway.Endpoints.Tenants;

/// <summary>The answer to <c>POST /api/v1/tenants</c>: the tenant's id and its first key (all capabilities), shown only here.</summary>
public sealed record CreatedTenantResponse(string Id, string Name, string ApiKey);
