namespace Cluster.Gateway.Endpoints.Knowledge;

/// <summary>The ids of a batch's stored documents, in the order sent.</summary>
public sealed record SubmittedBatch(IReadOnlyList<string> Ids);
