using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>What a job asks of its model: ImageNet-style class labels with scores, or an L2-normalised embedding.</summary>
[GenerateSerializer]
[Alias("Vision.VisionTask")]
public enum VisionTask
{
    [JsonStringEnumMemberName("classify")]
    Classify,
    [JsonStringEnumMemberName("embed")]
    Embed,
}
