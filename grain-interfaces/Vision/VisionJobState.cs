using Orleans;

namespace Cluster.GrainInterfaces.Vision;

[GenerateSerializer]
[Alias("Vision.VisionJobState")]
public enum VisionJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>Its deadline passed before it ran: it never ran.</summary>
    Expired,
}
