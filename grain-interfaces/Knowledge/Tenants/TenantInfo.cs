using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>A tenant as its owner and the admin see it.</summary>
[GenerateSerializer]
[Alias("Knowledge.TenantInfo")]
public sealed record TenantInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TenantStatus Status,
    [property: Id(3)] TenantUsage Usage,
    [property: Id(4)] DateTimeOffset CreatedAt);
