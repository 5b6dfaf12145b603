using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>No job has this id (it never existed, or its result aged out of the manager's memory): HTTP 404.</summary>
[GenerateSerializer]
[Alias("Vision.VisionJobNotFoundException")]
public sealed class VisionJobNotFoundException(string jobId)
    : KeyNotFoundException($"No vision job has the id '{jobId}'; ids come from POST /api/v1/vision/jobs, and finished jobs are kept for an hour.");
