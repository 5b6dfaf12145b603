using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Knowledge.Tenants;

/// <summary>What an API key of a tenant may do.</summary>
[GenerateSerializer]
[Alias("Knowledge.TenantCapability")]
public enum TenantCapability
{
    /// <summary>Search knowledge bases.</summary>
    [JsonStringEnumMemberName("retrieve")] Retrieve,

    /// <summary>Create knowledge bases and upload, reprocess and delete documents.</summary>
    [JsonStringEnumMemberName("ingest")] Ingest,

    /// <summary>Ask questions in chat sessions.</summary>
    [JsonStringEnumMemberName("chat")] Chat,

    /// <summary>See the tenant and its usage, and create, list and revoke its keys.</summary>
    [JsonStringEnumMemberName("manage")] Manage,
}
