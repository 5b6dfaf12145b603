namespace Cluster.Gateway.Endpoints.Vision;

/// <summary><c>POST /api/v1/vision/models/{name}/pin</c>: true pins the model (never evicted or unloaded for idleness), false unpins it.</summary>
public sealed record PinBody(bool Pinned);
