using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>
/// A job as its manager knows it. Finished jobs carry <see cref="Classes"/> (top 5, best first) or
/// <see cref="Embedding"/>; failed ones <see cref="Error"/>. <see cref="MovedTo"/> names the job that continues it
/// on another device after its device failed.
/// </summary>
[GenerateSerializer]
[Alias("Vision.VisionJobView")]
[Immutable]
public sealed record VisionJobView(
    string JobId,
    string Model,
    VisionTask Task,
    int Priority,
    VisionJobState State,
    string Device,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt,
    int? BatchSize,
    IReadOnlyList<ClassScore>? Classes,
    float[]? Embedding,
    string? Error,
    string? MovedTo)
{
    public bool IsFinished => State is VisionJobState.Succeeded or VisionJobState.Failed or VisionJobState.Cancelled or VisionJobState.Expired;
}
