using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Vision;

[GenerateSerializer]
[Alias("Vision.VisionJobState")]
public enum VisionJobState
{
    [JsonStringEnumMemberName("queued")]
    Queued,
    [JsonStringEnumMemberName("running")]
    Running,
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,
    [JsonStringEnumMemberName("failed")]
    Failed,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    /// <summary>Its deadline passed before it ran: it never ran.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,
}
