using Orleans;

namespace Cluster.GrainInterfaces.Vision;

/// <summary>No model of this name is in the catalogue: HTTP 404.</summary>
[GenerateSerializer]
[Alias("Vision.VisionModelNotFoundException")]
public sealed class VisionModelNotFoundException(string model, IEnumerable<string> known)
    : KeyNotFoundException($"No vision model is named '{model}'; the catalogue has {string.Join(", ", known)} (GET /api/v1/vision/models).");
