namespace Cluster.Gateway.Endpoints.Tenants;

/// <summary>The body of <c>POST /api/v1/tenants</c>; without a quota the configured default applies.</summary>
public sealed record CreateTenantRequest(string? Name, long? StorageQuotaBytes);
