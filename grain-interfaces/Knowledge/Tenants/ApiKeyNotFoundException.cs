using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>The tenant has no key with this id.</summary>
[GenerateSerializer]
[Alias("Knowledge.ApiKeyNotFoundException")]
public sealed class ApiKeyNotFoundException(string keyId)
    : KeyNotFoundException($"API key '{keyId}' does not exist; GET /api/v1/tenants/{{id}}/keys lists the tenant's keys.");
