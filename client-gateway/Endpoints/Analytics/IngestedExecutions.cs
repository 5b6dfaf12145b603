namespace Cluster.Gateway.Endpoints.Analytics;

/// <summary>The answer to <c>POST /api/v1/analytics/executions</c>: how many records were stored.</summary>
public sealed record IngestedExecutions(int Ingested);
