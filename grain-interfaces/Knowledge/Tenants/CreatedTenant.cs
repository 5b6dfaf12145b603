using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>A new tenant and its first key (all capabilities), whose plaintext is shown only here.</summary>
[GenerateSerializer]
[Alias("Knowledge.CreatedTenant")]
public sealed record CreatedTenant(
    [property: Id(0)] TenantInfo Tenant,
    [property: Id(1)] CreatedApiKey FirstKey);
