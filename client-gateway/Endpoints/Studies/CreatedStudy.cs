namespace Cluster.Gateway.Endpoints.Studies;

/// <summary>The answer to <c>POST /api/v1/studies</c>.</summary>
public sealed record CreatedStudy(string StudyId);
