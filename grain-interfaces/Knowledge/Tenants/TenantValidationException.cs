using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>A tenant or key request is invalid; <see cref="Field"/> names the offending field. Nothing changed.</summary>
[GenerateSerializer]
[Alias("Knowledge.TenantValidationException")]
public sealed class TenantValidationException(string field, string message) : ArgumentException(message)
{
    [Id(0)]
    public string Field { get; } = field;
}
