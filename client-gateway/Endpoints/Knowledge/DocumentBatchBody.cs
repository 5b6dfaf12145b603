namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>The body of <c>POST …/documents/batch</c>: <c>{documents: [{title, text, externalId?, metadata?}]}</c>.</summary>
public sealed record DocumentBatchBody(IReadOnlyList<DocumentBody>? Documents);
