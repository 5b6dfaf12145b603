namespace Cluster.Gateway.Endpoints.Vision;

/// <summary>
/// <c>POST /api/v1/vision/jobs</c> as JSON: the image as base64 (no URLs), the model, the task ("classify" or
/// "embed"), the priority (1 critical, 2 high, 5 normal, 8 low, 10 background; default 5), an optional deadline, and
/// the tenant whose fair share it counts against (default "default").
/// </summary>
public sealed record VisionJobBody(string? Model, string? Task, string? Image, int? Priority, DateTimeOffset? Deadline, string? Tenant);
