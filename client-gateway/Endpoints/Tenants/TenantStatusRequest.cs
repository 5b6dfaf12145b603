using Cluster.GrainInterfaces.Knowledge.Tenants;

namespace Cluster.Gateway.Endpoints.Tenants;

/// <summary>The body of <c>PUT /api/v1/tenants/{id}/status</c>.</summary>
public sealed record TenantStatusRequest(TenantStatus? Status);
