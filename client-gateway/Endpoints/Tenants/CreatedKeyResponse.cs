namespace Cluster.Gateway.Endpoints.Tenants;

/// <summary>The answer to <c>POST /api/v1/tenants/{id}/keys</c>: the key's id and the key itself, shown only here.</summary>
public sealed record CreatedKeyResponse(string Id, string ApiKey);
