using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>A suspended tenant's keys are refused until it is active again; nothing of it is deleted.</summary>
[GenerateSerializer]
[Alias("Knowledge.TenantStatus")]
public enum TenantStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("suspended")] Suspended,
}
