using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// One image for one model. <see cref="Priority"/> is the seeds' scale (critical 1, high 2, normal 5, low 8,
/// background 10); <see cref="Deadline"/>, when set, is when the job stops being worth running.
/// </summary>
[GenerateSerializer]
[Alias("Vision.VisionJobRequest")]
[Immutable]
public sealed record VisionJobRequest(
    string Model,
    VisionTask Task,
    byte[] Image,
    int Priority,
    DateTimeOffset? Deadline,
    string Tenant);
